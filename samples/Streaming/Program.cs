using System;
using SparkStreaming;

return StreamingApp.Run(args, Console.Out, Console.Error);
