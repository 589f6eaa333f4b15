using System;
using SparkScheduler;

return SparkSchedulerApp.Run(args, Console.Out, Console.Error);
