using System;
using GeneratedBus;
using QuickStart;

// Three queues: the fast listeners have room for the whole burst, the slow mailer gets its own small queue.
var options = new BusOptions { QueueCapacity = 100_000, QueueCapacities = { ["mail"] = 100 } };
var revenue = new Revenue();
var audit = new Audit();
using var bus = new ShopBus(options);
bus.AddToSharedQueue(revenue);
bus.AddToQueue(audit, "audit");
bus.AddToQueue(new SlowMailer(), "mail");
bus.Start();

const int Orders = 50_000;
for (int i = 0; i < Orders; i++)
{
    bus.Post(new OrderPlaced(i, 1_000));
    if (i % 2 == 0)
    {
        bus.Post(new OrderShipped(i));
    }

    if (i % 100 == 0)
    {
        bus.Post(new CartAbandoned(i));
    }
}

bus.Stop();

Console.WriteLine($"revenue {revenue.Cents / 100} over {Orders} orders, {revenue.Shipped} shipped, {audit.Count} events audited");
Console.WriteLine();
Console.WriteLine($"{"queue",-8} {"capacity",9} {"posted",9} {"processed",10} {"dropped",9}");
foreach (QueueStats q in bus.GetStats().Queues.Values)
{
    Console.WriteLine($"{q.Name,-8} {q.Capacity,9} {q.Posted,9} {q.Processed,10} {q.Dropped,9}");
}

Console.WriteLine();
Console.WriteLine($"{"listener",-12} {"events",9} {"mean µs",9} {"max µs",9}");
foreach (ListenerStats l in bus.GetStats().Listeners.Values)
{
    double mean = l.Events == 0 ? 0 : l.TotalTime.TotalMicroseconds / l.Events;
    Console.WriteLine($"{l.ListenerType.Name,-12} {l.Events,9} {mean,9:F2} {l.MaxTime.TotalMicroseconds,9:F0}");
}
