// Intentionally empty: see mscorlib.csproj.
