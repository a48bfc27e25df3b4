#!/usr/bin/env bash
# Instructor check: tshark and the lab's reference codecs must decode the same fields from every
# capture fixture (the Linux cooked "-i any" captures, types 113 and 276, and the snap-length one included).
# Compiles the solutions, prints each fixture's fields with socketlabs.lab04.PcapDump
# and with tshark, and compares them line by line. Exits 1 on any difference, 2 if a tool is missing.
# Run from the project root:  bash lab04-raw/instructor/check-with-tshark.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v tshark >/dev/null || { echo "check-with-tshark: tshark is not installed (apt-get install -y tshark)"; exit 2; }
fixtures=lab04-raw/src/test/resources/socketlabs/lab04
mvn_cmd=./mvnw; [ -x "$mvn_cmd" ] || mvn_cmd=mvn
"$mvn_cmd" -B -ntp -q -pl grading,solutions compile ${MVN_OFFLINE:+-o} >/dev/null
fields=$(java -cp solutions/target/classes socketlabs.lab04.PcapDump --fields)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
status=0
for f in "$fixtures"/*.pcap; do
  name=$(basename "$f")
  args=(); for field in $fields; do args+=(-e "$field"); done
  tshark -r "$f" -T fields -E occurrence=f -E separator=/t "${args[@]}" 2>/dev/null > "$work/$name.tshark"
  java -cp solutions/target/classes socketlabs.lab04.PcapDump "$f" > "$work/$name.lab"
  packets=$(wc -l < "$work/$name.tshark")
  if [ "$packets" -eq 0 ]; then
    echo "MISMATCH $name: tshark decoded no packets"; status=1
  elif diff -u --label "tshark $name" --label "PcapDump $name" "$work/$name.tshark" "$work/$name.lab" > "$work/$name.diff"; then
    echo "ok       $name: $packets packets, $(echo $fields | wc -w) fields each, same as tshark"
  else
    echo "MISMATCH $name:"; head -20 "$work/$name.diff"; status=1
  fi
done
exit $status
