#!/usr/bin/env bash
# An independent check of a linked .ko (the build's object check reads ilc's object; this reads what kbuild made):
#  1. IBT: managed code (section __managedcode) has no indirect call or jump, no C code and no data refers to a
#     managed function except kc_aligned_* thunks by a direct call, and every thunk starts with ENDBR64 where the
#     kernel is built with IBT (the kernel's own indirect calls reach C, never managed code);
#  2. SIMD: every C function that calls a kc_aligned_* thunk brackets the call with kernel_fpu_begin_mask and
#     kernel_fpu_end, unless no managed code the thunk's entry can reach by direct calls names a SIMD register;
#     module init and exit are always bracketed;
#  3. no xmm/ymm instruction outside __managedcode.
set -euo pipefail
ko=$1
ibt=${2:-}
symbols=$(objdump -t "$ko" | awk '$4 == "__managedcode" && $3 == "F" {print $1, $NF}')
{ echo "$symbols" | sed 's/^/SYM /'; objdump -dr --no-show-raw-insn "$ko"; objdump -r "$ko" | sed 's/^/DATA /'; } | awk -v ibt="$ibt" '
  function fail(msg) { print msg; failures++ }
  /^SYM / { managedAt[$2] = 1; name[$3] = $2; isManaged[$3] = 1; next }
  /^DATA RELOCATION RECORDS FOR / { dsec = $5; gsub(/[\[\]:]/, "", dsec); next }
  /^DATA [0-9a-f]+ R_X86_64_/ {
    sym = $4; sub(/[-+]0x[0-9a-f]+$/, "", sym)
    if (dsec !~ /managedcode|text|orc|eh_frame|discard|call_sites|return_sites|retpoline|ibt_endbr|altinstr|init\.text|exit\.text/ && (sym in isManaged))
      fail("data in " dsec " refers to managed " sym)
    next
  }
  /^Disassembly of section / { section = $4; sub(":", "", section); next }
  /^[0-9a-f]+ <.+>:$/ {
    fn = $0; sub(/^[0-9a-f]+ </, "", fn); sub(/>:$/, "", fn); first = 1
    if (section == "__managedcode") { fnOf[$1] = fn; code[fn] = 1 }
    next
  }
  /^ +[0-9a-f]+:\t/ {
    text = $0; sub(/^ +[0-9a-f]+:\t/, "", text)
    if (first && fn ~ /^kc_aligned_/) { thunks++; if (ibt && text !~ /^endbr64/) fail(fn " does not start with endbr64") }
    first = 0; lastText = text
    if (section == "__managedcode") {
      if (text ~ /%[xyz]mm[0-9]/) simd[fn] = 1
      if (text ~ /^(call|jmp)[a-z]* +\*/) fail("indirect branch in managed " fn ": " text)
      if (text ~ /^(call|jmp)[a-z]* / && match(text, /<[^+]+>$/)) callee[fn] = callee[fn] " " substr(text, RSTART + 1, RLENGTH - 2)
    } else {
      if (text ~ /%[xyz]mm[0-9]/) fail("xmm outside managed code: " fn ": " text)
    }
    next
  }
  /R_X86_64_/ {
    sym = $NF; sub(/[-+]0x[0-9a-f]+$/, "", sym)
    if (section == "__managedcode") { if (lastText ~ /^(call|jmp)/) callee[fn] = callee[fn] " " sym; next }
    if (sym in isManaged) {
      if (fn !~ /^kc_aligned_/ || lastText !~ /^call /) fail("C function " fn " refers to managed " sym " other than by a thunk'"'"'s direct call")
      else entryOf[fn] = sym
    }
    if (sym == "kernel_fpu_begin_mask") begun[fn] = 1
    if (sym ~ /^kc_aligned_/) { calls++; caller[sym] = caller[sym] " " fn; pendingEnd[fn] = 1; if (!begun[fn]) unbracketed[fn " " sym] = 1 }
    if (sym == "kernel_fpu_end") pendingEnd[fn] = 0
    next
  }
  END {
    for (k in unbracketed) {
      split(k, parts, " "); c = parts[1]; t = parts[2]; e = entryOf[t]
      if (e == "kc_module_init" || e == "kc_module_exit") { fail(c " calls " t " outside the FPU section"); continue }
      # The entry'"'"'s closure over direct calls, by managed names (the exported name aliases ilc'"'"'s own).
      start = (e in name) ? fnOf[name[e]] : e
      n = 0; queue[n++] = start; seen[start] = 1
      for (i = 0; i < n; i++) { m = split(callee[queue[i]], list, " "); for (j = 1; j <= m; j++) { f = list[j]; if ((f in isManaged) && !(f in seen)) { seen[f] = 1; queue[n++] = f } } }
      bad = 0
      for (i = 0; i < n; i++) if (queue[i] in simd) { fail(c " enters " e " without the FPU section, but " queue[i] " (reachable from it) uses SIMD"); bad = 1 }
      if (!(start in code)) { fail(c " enters " e " without the FPU section, and " e " is not managed code the check can read"); bad = 1 }
      if (!bad) printf "  %s enters %s without the FPU section: %d managed functions reachable, none uses SIMD\n", c, e, n
      delete seen
    }
    for (f in pendingEnd) if (pendingEnd[f] && begun[f]) fail(f " never calls kernel_fpu_end after entering managed code")
    if (calls == 0) fail("no call to a kc_aligned_* thunk found: the check saw nothing")
    if (thunks == 0) fail("no kc_aligned_* thunk found")
    exit failures > 0
  }'
