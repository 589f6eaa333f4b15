#!/usr/bin/env bash
# Goal 8 of issue 10: the generator on a 1,000-event bus, cold, in a real `dotnet build`, read from the compiler's
# own report (-p:ReportAnalyzer=true). Beside it, in alternating builds of the same records, two baselines:
# - BindingFloor only asks the compiler for what every generator that reads the events' shapes through symbols must
#   (the records, their attributes, bases and property types): the floor of the compiler's path, which a plain bus
#   no longer takes (its events are decided by syntax and the references' metadata names);
# - SyntaxFloor finds and reads the same records by syntax alone, never binding, and generates nothing: the floor of
#   finding them.
# Each build is a fresh csc process
# (UseSharedCompilation=false), JIT-cold, after touching one unrelated file; the SDK's ComInterfaceGenerator, idle in
# both projects, is printed as a gauge of the machine's load.
#
# MSBuild runs as in a developer's second and later builds: its worker nodes are reused between builds (the compiler
# never is). A build that starts its node (the first of a session, or every build where MSBUILDDISABLENODEREUSE=1, as
# on this machine) has that node's start-up competing with the compiler's first second on two cores: every
# generator's report, the idle gauge included, grows by a third to a half. NODE_REUSE=0 measures that way instead.
# The nodes are shut down at the end.
#
#   benchmarks/ColdBuild/cold-build.sh [rounds=5]
#   NODE_REUSE=0 benchmarks/ColdBuild/cold-build.sh [rounds=5]
#
# Prints one line per round, then the median and spread of each side and of BusGenerator's ratio to BindingFloor. Needs a quiet
# machine: the report is wall time. The projects go to a temporary directory, removed at the end.
set -euo pipefail

rounds="${1:-5}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d -t gb-cold-build-XXXXXX)"
node_reuse="${NODE_REUSE:-1}"
if [ "$node_reuse" = 1 ]; then
  unset MSBUILDDISABLENODEREUSE
  reuse_flag="-nodeReuse:true" reuse_label="on"
  trap 'dotnet build-server shutdown --msbuild > /dev/null 2>&1 || true; rm -rf "$work"' EXIT
else
  export MSBUILDDISABLENODEREUSE=1
  reuse_flag="-nodeReuse:false" reuse_label="off"
  trap 'rm -rf "$work"' EXIT
fi

# 1,000 documented records in 10 files, a third of them open to subclasses (as ThousandEventSource's bus). Their
# positional members are EVENT_PARAMETERS ("int Value" by default: a plain bus, decided by syntax); a member of a
# type that is not a keyword ("int Value, System.DateTimeOffset At") sends every event through the compiler's path.
event_parameters="${EVENT_PARAMETERS:-int Value}"
write_events() {
  local dir="$1"
  mkdir -p "$dir"
  for file in $(seq 0 9); do
    {
      echo "using GeneratedBus;"
      echo "namespace Acme.Large;"
      [ "$file" = 0 ] && echo "public abstract record LargeEvent;"
      for n in $(seq $((file * 100)) $((file * 100 + 99))); do
        local sealed="sealed "
        [ $((n % 3)) = 0 ] && sealed=""
        echo "/// <summary>Event $n.</summary>"
        echo "[BusEvent] public ${sealed}record Event${n}Happened($event_parameters) : LargeEvent;"
      done
    } > "$dir/Events$file.cs"
  done
  echo "namespace Acme.Large;
public static class Other { public const int V = 1; }" > "$dir/Other.cs"
}

# A project with the runtime referenced and $2 as its only analyzer project.
write_project() {
  local dir="$1" analyzer="$2"
  write_events "$dir"
  cat > "$dir/Cold.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <GenerateDocumentationFile>true</GenerateDocumentationFile>
    <NoWarn>CS1591</NoWarn>
    <UseSharedCompilation>false</UseSharedCompilation>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/src/Runtime/GeneratedBus.csproj" />
    <ProjectReference Include="$analyzer" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
</Project>
EOF
  # Outside the repository: its Directory.Build.props and package versions must not reach these projects.
  echo "<Project />" > "$dir/Directory.Build.props"
  echo "<Project />" > "$dir/Directory.Packages.props"
}

write_project "$work/ours" "$repo/src/Generators/GeneratedBus.Generators.csproj"
write_project "$work/floor" "$repo/benchmarks/ColdBuild/BindingFloor/BindingFloor.csproj"
write_project "$work/syntax" "$repo/benchmarks/ColdBuild/SyntaxFloor/SyntaxFloor.csproj"

echo "Building the three projects once (the runtime, the generators, the restore)..." >&2
for side in ours floor syntax; do
  dotnet build "$work/$side" -c Release -v:q "$reuse_flag" > "$work/$side.first.log" 2>&1 || { cat "$work/$side.first.log" >&2; exit 1; }
done

# One timed build: the generator's and ComInterfaceGenerator's seconds from the compiler's report.
timed_build() {
  local side="$1" generator="$2"
  touch "$work/$side/Other.cs"
  dotnet build "$work/$side" -c Release --no-dependencies "$reuse_flag" -p:ReportAnalyzer=true -v:d > "$work/$side.log" 2>&1
  local gen com
  gen=$(grep -E "^\s+[0-9.]+\s+\S+\s+$generator\$" "$work/$side.log" | head -1 | awk '{print $1}')
  com=$(grep -E '^\s+[0-9.]+\s+\S+\s+Microsoft.Interop.ComInterfaceGenerator$' "$work/$side.log" | head -1 | awk '{print $1}')
  [ -n "$gen" ] || { echo "no report for $generator in $work/$side.log" >&2; exit 1; }
  echo "$gen $com"
}

# One untimed round, so that every round meets MSBuild's nodes as a developer's next build does (started; with
# NODE_REUSE=0, started anew each time). The compiler itself is a fresh process in every build.
echo "warm-up round (not counted): BusGenerator $(timed_build ours GeneratedBus.Generators.BusGenerator | cut -d' ' -f1) s" >&2
timed_build floor GeneratedBus.Benchmarks.ColdBuild.BindingFloorGenerator > /dev/null
timed_build syntax GeneratedBus.Benchmarks.ColdBuild.SyntaxFloorGenerator > /dev/null

ours=() floor=() syntax=() ratios=()
for round in $(seq 1 "$rounds"); do
  read -r o oc < <(timed_build ours GeneratedBus.Generators.BusGenerator)
  read -r f fc < <(timed_build floor GeneratedBus.Benchmarks.ColdBuild.BindingFloorGenerator)
  read -r y yc < <(timed_build syntax GeneratedBus.Benchmarks.ColdBuild.SyntaxFloorGenerator)
  ours+=("$o") floor+=("$f") syntax+=("$y") ratios+=("$(awk -v o="$o" -v f="$f" 'BEGIN { printf "%.2f", o / f }')")
  echo "round $round: BusGenerator $o s, BindingFloor $f s, SyntaxFloor $y s (ComInterfaceGenerator $oc, $fc, $yc s), load $(cut -d' ' -f1 /proc/loadavg)"
done

summary() {
  local name="$1"; shift
  sort -n <<< "$(printf '%s\n' "$@")" | awk -v name="$name" '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%s: median %.2f (%.2f-%.2f) over %d builds\n", name, m, v[1], v[NR], NR }'
}
summary "BusGenerator, s" "${ours[@]}"
summary "BindingFloor, s" "${floor[@]}"
summary "SyntaxFloor, s" "${syntax[@]}"
summary "BusGenerator / BindingFloor, per round" "${ratios[@]}"
echo "MSBuild node reuse: $reuse_label. Event parameters: $event_parameters. Goal 8: BusGenerator under 1 s."
