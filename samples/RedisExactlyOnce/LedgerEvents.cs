using GeneratedBus;

namespace RedisExactlyOnce;

/// <summary>The root of the sample's bus: the generator writes LedgerBus, LedgerFirehoseListener and LedgerJsonCodec.</summary>
/// <param name="Account">The account the event moves money on.</param>
/// <param name="Amount">How much, in cents.</param>
public abstract record LedgerEvent(string Account, long Amount);

/// <summary>Money paid into an account.</summary>
[BusEvent]
public sealed record Deposit(string Account, long Amount) : LedgerEvent(Account, Amount);

/// <summary>Money taken out of an account.</summary>
[BusEvent]
public sealed record Withdrawal(string Account, long Amount) : LedgerEvent(Account, Amount);
