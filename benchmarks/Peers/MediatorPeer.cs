using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GeneratedBus.Benchmarks.Events;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace GeneratedBus.Benchmarks.Peers;

/// <summary>
/// Mediator 3.0.2, the source-generated mediator: one notification published to ten handlers of ten classes, set up
/// as its documentation recommends for speed (singleton lifetime, the default <c>ForeachAwaitPublisher</c>).
/// </summary>
public static class MediatorPeer
{
    /// <summary>A container with the generated <c>Mediator</c> and the handlers its generator found in this assembly.</summary>
    /// <returns>The container; the benchmark resolves <see cref="IPublisher"/> from it and disposes it.</returns>
    public static ServiceProvider Create()
    {
        var services = new ServiceCollection();

        // Read at compile time by Mediator's generator: the options must be constants in this call.
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Singleton;
            options.Assemblies = [typeof(TaskEndedNotice)];
        });
        return services.BuildServiceProvider();
    }

    /// <summary>The handlers the container holds for the notification: the instances the mediator calls.</summary>
    /// <param name="services">The container from <see cref="Create"/>.</param>
    /// <returns>Ten handlers.</returns>
    public static ICounted[] Handlers(ServiceProvider services) =>
        services.GetServices<INotificationHandler<TaskEndedNotice>>().Cast<ICounted>().ToArray();
}

/// <summary>Mediator's counterpart of a <c>TaskEnded</c> event.</summary>
public sealed record TaskEndedNotice(int Id) : INotification;

/// <summary>
/// A Mediator handler doing what the listeners do with the event: a counter bump. Mediator's generator registers the
/// concrete classes it finds, not open generics, so ten sealed subclasses below close it over ten value types: each
/// has code of its own, as in <see cref="Distinct"/>.
/// </summary>
/// <typeparam name="TTag">Only makes the class distinct.</typeparam>
public abstract class TaskEndedNoticeHandler<TTag> : INotificationHandler<TaskEndedNotice>, ICounted
    where TTag : struct
{
    public long Sum { get; private set; }

    public ValueTask Handle(TaskEndedNotice notification, CancellationToken cancellationToken)
    {
        Sum += notification.Id;
        return default;
    }
}

public sealed class NoticeHandler0 : TaskEndedNoticeHandler<byte>;
public sealed class NoticeHandler1 : TaskEndedNoticeHandler<sbyte>;
public sealed class NoticeHandler2 : TaskEndedNoticeHandler<short>;
public sealed class NoticeHandler3 : TaskEndedNoticeHandler<ushort>;
public sealed class NoticeHandler4 : TaskEndedNoticeHandler<int>;
public sealed class NoticeHandler5 : TaskEndedNoticeHandler<uint>;
public sealed class NoticeHandler6 : TaskEndedNoticeHandler<long>;
public sealed class NoticeHandler7 : TaskEndedNoticeHandler<ulong>;
public sealed class NoticeHandler8 : TaskEndedNoticeHandler<float>;
public sealed class NoticeHandler9 : TaskEndedNoticeHandler<double>;
