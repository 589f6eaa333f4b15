# Prints the numbers of a SparkScheduler run (its stdout table) that the seed fixes, whatever the threads did:
# events posted, every queue's posted count and the Wait queues' processed and dropped, the listeners' event and
# failure counts, App status, Executor liveness and Events by type. Left out, because they depend on timing by design:
# rates and times, waits, and what the slow eventLog listener got through. Two runs of one workload, JIT and
# NativeAOT, must print the same lines.
NR == 1 { print "events", $2; next }
/^$/ { section = ""; next }
section == "" { section = $0; header = (section == "Queues" || section == "Listeners"); next }
header { header = 0; next }
section == "Queues" { if ($1 == "eventLog") print section, $1, $2, $3; else print section, $1, $2, $3, $4, $5; next }
section == "Listeners" { if ($1 != "EventLoggingListener") print section, $1, $2, $3; next }
section == "Events by type" && $1 == "eventLog.written" { next }
section == "App status" || section == "Executor liveness" || section == "Events by type" { print section ": " $0; next }
