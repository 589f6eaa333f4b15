using System;

namespace SparkScheduler.Redis;

/// <summary>
/// Redis cannot be used as the command line asks: nothing answers at the address, or the stream already holds another
/// run. Like bad arguments it ends the command with exit code 2, before anything runs; the message says why.
/// </summary>
internal sealed class RedisSetupException(string message) : Exception(message);
