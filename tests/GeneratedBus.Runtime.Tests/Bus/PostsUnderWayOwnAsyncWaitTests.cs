using System;

namespace GeneratedBus.Runtime.Tests.Bus;

/// <summary>
/// <see cref="PostsUnderWay.WaitForPostsBefore"/> called inside an asynchronous wait's metric callback (what Stop
/// does from one) ignores that one wait of that bus, and still waits for every other.
/// </summary>
public class PostsUnderWayOwnAsyncWaitTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(50);

    [Fact]
    public void Stop_inside_an_async_wait_callback_ignores_that_wait_only_and_still_waits_for_the_others()
    {
        var posts = new PostsUnderWay();
        posts.BeginAsync();
        posts.BeginAsync();
        posts.BeginOwnAsyncWait();
        try
        {
            Assert.False(posts.WaitForPostsBefore(Short), "Stop did not wait for another thread's asynchronous wait");
            posts.EndAsync();
            Assert.True(posts.WaitForPostsBefore(Short), "Stop waited for the asynchronous wait whose callback called it");
        }
        finally
        {
            PostsUnderWay.EndOwnAsyncWait();
        }

        Assert.False(posts.WaitForPostsBefore(Short), "the wait was still ignored after its callback returned");
        posts.EndAsync();
        Assert.True(posts.WaitForPostsBefore(Short), "Stop waited with no wait under way");
    }

    [Fact]
    public void Stop_of_one_bus_inside_another_bus_async_wait_callback_still_waits_for_its_own_waits()
    {
        var posts = new PostsUnderWay();
        var other = new PostsUnderWay();
        posts.BeginAsync();
        other.BeginAsync();
        other.BeginOwnAsyncWait();
        try
        {
            Assert.False(posts.WaitForPostsBefore(Short), "Stop ignored a wait of its bus for another bus's callback");
            Assert.True(other.WaitForPostsBefore(Short), "Stop waited for the asynchronous wait whose callback called it");
        }
        finally
        {
            PostsUnderWay.EndOwnAsyncWait();
        }

        posts.EndAsync();
        other.EndAsync();
    }
}
