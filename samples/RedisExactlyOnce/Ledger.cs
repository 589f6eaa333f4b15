namespace RedisExactlyOnce;

/// <summary>The events a producer posts: the same for every run, so a test can compute the balances they must leave.</summary>
public static class Ledger
{
    /// <summary>The stream both commands use unless <c>--stream</c> names another.</summary>
    public const string DefaultStream = "ledger";

    /// <summary>Event number <paramref name="i"/> (from 1) of a producer: a deposit of 10·i on one of five accounts, every fourth a withdrawal of i.</summary>
    public static LedgerEvent EventAt(long i)
    {
        string account = "acct-" + (i % 5);
        return i % 4 == 0 ? new Withdrawal(account, i) : new Deposit(account, 10 * i);
    }
}
