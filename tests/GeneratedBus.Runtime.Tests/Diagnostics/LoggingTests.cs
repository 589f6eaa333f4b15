using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.Runtime.Tests.Diagnostics;

public class LoggingTests
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void The_runtime_logs_only_through_LoggerMessage_methods()
    {
        // Every call into the logging API (ILogger.Log, the LoggerExtensions helpers, LoggerMessage.Define) must come
        // from a [LoggerMessage] method or from the static constructor the generator writes beside them.
        var offenders = new List<string>();
        int loggerMessageMethods = 0;
        foreach (Type type in typeof(BusOptions).Assembly.GetTypes())
        {
            foreach (MethodBase method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
            {
                bool isLoggerMessage = method.IsDefined(typeof(LoggerMessageAttribute));
                loggerMessageMethods += isLoggerMessage ? 1 : 0;
                bool allowed = isLoggerMessage || (method is ConstructorInfo { IsStatic: true } && DeclaresLoggerMessages(type));
                foreach (MethodBase callee in Callees(method).Where(IsLoggingApi))
                {
                    if (!allowed)
                    {
                        offenders.Add($"{type.FullName}.{method.Name} calls {callee.DeclaringType?.Name}.{callee.Name}");
                    }
                }
            }
        }

        Assert.Empty(offenders);
        Assert.True(loggerMessageMethods >= 10, $"found only {loggerMessageMethods} [LoggerMessage] methods: is the scan blind?");
    }

    [Fact]
    public void LoggerMessage_event_ids_and_names_are_unique()
    {
        LoggerMessageAttribute[] messages = typeof(BusOptions).Assembly.GetTypes()
            .Where(t => t.Name == "Log")
            .SelectMany(t => t.GetMethods(Declared))
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .ToArray();

        Assert.NotEmpty(messages);
        Assert.Equal(messages.Length, messages.Select(m => m.EventId).Distinct().Count());
        Assert.Equal(messages.Length, messages.Select(m => m.EventName).Distinct().Count());
    }

    private static bool DeclaresLoggerMessages(Type type) =>
        type.GetMethods(Declared).Any(m => m.IsDefined(typeof(LoggerMessageAttribute)));

    private static bool IsLoggingApi(MethodBase callee) =>
        callee.DeclaringType == typeof(LoggerExtensions)
        || callee.DeclaringType == typeof(LoggerMessage)
        || (callee.DeclaringType == typeof(ILogger) && callee.Name == nameof(ILogger.Log));

    /// <summary>
    /// The methods <paramref name="method"/> calls, from its IL: every call, callvirt, newobj and ldftn operand. A
    /// byte scan, not a full IL decoder: a stray match only adds a callee, so the test can fail wrongly but not pass.
    /// </summary>
    private static IEnumerable<MethodBase> Callees(MethodBase method)
    {
        byte[]? il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        Type[]? typeArgs = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        Type[]? methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (int i = 0; i + 4 < il.Length; i++)
        {
            bool call = il[i] is 0x28 or 0x6F or 0x73 || (il[i] == 0xFE && il[i + 1] is 0x06 or 0x07);
            if (!call)
            {
                continue;
            }

            int at = il[i] == 0xFE ? i + 2 : i + 1;
            if (at + 4 > il.Length)
            {
                continue;
            }

            int token = BitConverter.ToInt32(il, at);
            if ((token >>> 24) is not (0x06 or 0x0A or 0x2B))
            {
                continue;
            }

            MethodBase? callee;
            try
            {
                callee = method.Module.ResolveMethod(token, typeArgs, methodArgs);
            }
            catch (ArgumentException)
            {
                continue;
            }

            if (callee is not null)
            {
                yield return callee;
            }
        }
    }
}
