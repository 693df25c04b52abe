namespace Kernel;

/// <summary>Where the calling code runs, as the kernel sees it: for assertions and for code that serves two contexts.</summary>
public static class Context
{
    /// <summary>In process context (a system call, a work item, module init): in_task(), and not a softirq, which runs
    /// in a task on PREEMPT_RT.</summary>
    public static bool InTask => Native.InTask() != 0;

    /// <summary>Serving a softirq (a softirq-mode timer's callback): in_serving_softirq().</summary>
    public static bool InSoftirq => Native.InServingSoftirq() != 0;
}
