using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GeneratedBus.Benchmarks.Events;
using MediatR;

namespace GeneratedBus.Benchmarks.Peers;

/// <summary>MediatR 5.1.0, issue 5's peer: one notification published to ten handlers of ten classes.</summary>
public static class MediatRPeer
{
    /// <summary>A mediator whose service factory hands out ten handlers for the notification and, to MediatR 5's requests for pipeline behaviours, none.</summary>
    /// <param name="handlers">The handlers, to check they were called.</param>
    /// <returns>The mediator.</returns>
    public static IMediator Create(out ICounted[] handlers)
    {
        INotificationHandler<TaskEndedNotification>[] all = Distinct.Ten<INotificationHandler<TaskEndedNotification>>(typeof(TaskEndedHandler<>));
        handlers = all.Cast<ICounted>().ToArray();
        return new MediatR.Mediator(type => type == typeof(IEnumerable<INotificationHandler<TaskEndedNotification>>)
            ? all
            : Array.CreateInstance(type.GetGenericArguments()[0], 0));
    }
}

/// <summary>MediatR's counterpart of a <c>TaskEnded</c> event.</summary>
public sealed record TaskEndedNotification(int Id) : INotification;

/// <summary>A MediatR handler doing what the listeners do with the event: a counter bump.</summary>
/// <typeparam name="TTag">Only makes the class distinct (see <see cref="Distinct"/>).</typeparam>
public sealed class TaskEndedHandler<TTag> : INotificationHandler<TaskEndedNotification>, ICounted
    where TTag : struct
{
    public long Sum { get; private set; }

    public Task Handle(TaskEndedNotification notification, CancellationToken cancellationToken)
    {
        Sum += notification.Id;
        return Task.CompletedTask;
    }
}
