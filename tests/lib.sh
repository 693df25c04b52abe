# Shared by the test scripts: PASS/FAIL counting and the "suite: N passed, N failed" lines scripts/test.sh adds up.
passed=0 failed=0

# expect NAME COMMAND: runs COMMAND (eval'd in a subshell of the caller, so an `exit` ends only the check) and counts it.
expect() { if (eval "$2"); then passed=$((passed + 1)); echo "  PASS $1"; else failed=$((failed + 1)); echo "  FAIL $1"; fi; }

# add_result LINE: adds the counts of a line such as "lsp: 8 passed, 0 failed"; false when LINE has none.
add_result() {
  [[ $1 =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]] || return 1
  passed=$((passed + BASH_REMATCH[1]))
  failed=$((failed + BASH_REMATCH[2]))
}

# finish NAME: the closing line; succeeds only when nothing failed.
finish() { echo "$1: $passed passed, $failed failed"; [ "$failed" -eq 0 ]; }

# skip_loudly SUITE REASON: a stage this machine cannot run ends with a banner and a "1 skipped" result line,
# which scripts/test.sh turns into a failure under CI.
skip_loudly() {
  echo "############################################################"
  echo "## SKIPPED: the $1 stage cannot run on this machine: $2"
  echo "############################################################"
  echo "$1: 0 passed, 0 failed, 1 skipped"
  exit 0
}

# expectations FILE: the diagnostics a fixture expects, one "ID LINE COLUMN" per "// expect: ID@COLUMN" marker (the
# marker's own line), so a fixture states its expected ids and places once and scripts read them from it.
expectations() {
  grep -n -o 'expect: KC[0-9]*@[0-9]*' "$1" | sed -E 's/^([0-9]+):expect: (KC[0-9]+)@([0-9]+)$/\2 \1 \3/'
}
