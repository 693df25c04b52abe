// Native is process-wide state (as the kernel's allocator is): run the tests one at a time.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
