namespace Kernel;

/// <summary>Success or an <see cref="Errno"/>: the C# form of Rust's <c>Result&lt;()&gt;</c>.</summary>
public readonly struct Result
{
    private readonly Errno _error;
    private readonly bool _failed;

    private Result(Errno error) { _error = error; _failed = true; }

    public static Result Ok => default;
    public bool IsOk => !_failed;
    public bool IsError => _failed;

    /// <summary>The error; EINVAL is never returned for a success, so check <see cref="IsOk"/> first.</summary>
    public Errno Error => _error;

    /// <summary>0 on success, the negative errno otherwise: what a kernel callback returns.</summary>
    public int ToKernel() => _failed ? _error.ToKernel() : 0;

    /// <summary>Reads a kernel return value: 0 and positive values are success, -errno an error.</summary>
    public static Result FromKernel(int value) => value >= 0 ? Ok : new Result(Errno.FromKernel(value));

    public static implicit operator Result(Errno error) => new(error);
}

/// <summary>A value or an <see cref="Errno"/>: the C# form of Rust's <c>Result&lt;T&gt;</c>.</summary>
public readonly struct Result<T>
{
    private readonly T _value;
    private readonly Errno _error;
    private readonly bool _failed;

    private Result(T value) { _value = value; _error = default; _failed = false; }
    private Result(Errno error) { _value = default; _error = error; _failed = true; }

    public bool IsOk => !_failed;
    public bool IsError => _failed;
    public Errno Error => _error;

    /// <summary>The value; panics if this is an error (Rust's unwrap).</summary>
    public T Value
    {
        get
        {
            if (_failed) Panic.Fail("Result.Value read on an error"u8);
            return _value;
        }
    }

    public bool TryGetValue(out T value)
    {
        value = _value;
        return !_failed;
    }

    public Result WithoutValue() => _failed ? _error : Result.Ok;

    public static implicit operator Result<T>(T value) => new(value);
    public static implicit operator Result<T>(Errno error) => new(error);
}
