using System;
using System.Threading.Tasks;

namespace GeneratedBus.Runtime.Tests.Support;

/// <summary>Bounded waits for tasks, on the test thread: a wait that never ends fails the test instead of hanging it.</summary>
public static class Completion
{
    /// <summary>The task's result (or what it threw, unwrapped), once it ends within <see cref="Workers.HangBound"/>.</summary>
    public static T Of<T>(Task<T> task, string what)
    {
        // Not Task.Wait: it would wrap a failure in an AggregateException (and xUnit1031 flags it).
        Assert.True(((IAsyncResult)task).AsyncWaitHandle.WaitOne(Workers.HangBound), $"{what} did not end within {Workers.HangBound}");
        return task.GetAwaiter().GetResult();
    }

    /// <inheritdoc cref="Of{T}(Task{T}, string)"/>
    public static T Of<T>(ValueTask<T> task, string what) => Of(task.AsTask(), what);

    /// <summary>Returns once the task ends within <see cref="Workers.HangBound"/>, rethrowing what it threw.</summary>
    public static void Of(Task task, string what) => Of(task.ContinueWith(t => t, TaskScheduler.Default), what).GetAwaiter().GetResult();

    /// <summary>The result of a task that must have completed synchronously, successfully.</summary>
    public static T Synchronous<T>(ValueTask<T> task, string what)
    {
        Assert.True(task.IsCompletedSuccessfully, $"{what} did not complete synchronously");
        return task.Result;
    }
}
