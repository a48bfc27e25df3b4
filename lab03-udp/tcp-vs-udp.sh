#!/usr/bin/env bash
# TCP and UDP side by side over the same loss: the instructor's demonstration of lab 3.
#
# Run from the project root, as root, inside a network namespace of its own (so that the packet
# loss it sets up touches nothing else on the machine), after compiling the solutions:
#
#   ./mvnw -q -pl solutions -am compile
#   sudo unshare -n bash lab03-udp/tcp-vs-udp.sh [LOSS]        # LOSS defaults to 0.1
#   unshare -n bash lab03-udp/tcp-vs-udp.sh [LOSS]             # the same, already root (no sudo)
#
# Needs netcat-openbsd, socat and iptables; on Debian or Ubuntu:
#   sudo apt-get install netcat-openbsd socat iptables
# The namespace has only its own loopback; iptables drops the share LOSS of the packets to or
# from ports 9200 (TCP), 9201 and 9202 (UDP) at random. The kernel's random is not seeded: the
# bytes lost and the times change from run to run. A datagram can also be lost without iptables:
# when the receiver's socket buffer is full, the kernel drops it (the receive-buffer errors of
# /proc/net/snmp). The UDP receiver gets a large buffer so that this does not happen, and the
# script counts and prints such drops apart from iptables' losses, in case it does.
set -euo pipefail

LOSS="${1:-0.1}"
CP="solutions/target/classes"
WORK="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

[ "$(id -u)" -eq 0 ] || { echo "run as root, in a namespace of its own: sudo unshare -n bash $0 [LOSS]" >&2; exit 1; }
for tool in nc socat iptables java; do
    command -v "$tool" > /dev/null || { echo "needs $tool: sudo apt-get install netcat-openbsd socat iptables" >&2; exit 1; }
done
[ -f "$CP/socketlabs/lab03/ReliableReceiver.class" ] || { echo "compile first: ./mvnw -q -pl solutions -am compile" >&2; exit 1; }

# an Ethernet-sized MTU, so TCP cuts the stream into about as many packets as there are datagrams
ip link set lo mtu 1500 up
iptables -A INPUT -i lo -p tcp -m multiport --ports 9200 -m statistic --mode random --probability "$LOSS" -j DROP
iptables -A INPUT -i lo -p udp -m multiport --ports 9201,9202 -m statistic --mode random --probability "$LOSS" -j DROP
seq 1 20000 > "$WORK/numbers.txt"
echo "sending $(wc -c < "$WORK/numbers.txt") bytes three ways; iptables drops $LOSS of the packets"

# 1. TCP: the kernel numbers, acknowledges and retransmits; the application sees an intact stream.
nc -l 127.0.0.1 9200 > "$WORK/tcp.txt" &
sleep 0.5
start=$(date +%s%N)
nc -N 127.0.0.1 9200 < "$WORK/numbers.txt"
wait $!
echo "TCP (nc):                  $(wc -c < "$WORK/tcp.txt") bytes in $(( ($(date +%s%N) - start) / 1000000 )) ms, $(cmp -s "$WORK/numbers.txt" "$WORK/tcp.txt" && echo identical || echo DIFFERENT)"

# 2. UDP as it is: 1000-byte datagrams, nobody retransmits; the lost ones are simply missing.
# The receiver asks for a 4 MiB buffer (the kernel grants up to twice net.core.rmem_max): socat
# sends faster than a receiver reads, and a full buffer would drop datagrams that iptables let through.
rcvbuf_errors() { awk '/^Udp:/ { if (++n == 2) print $6 }' /proc/net/snmp; }
overflow_before=$(rcvbuf_errors)
socat -u UDP-RECV:9201,bind=127.0.0.1,rcvbuf=4194304 CREATE:"$WORK/udp.txt" &
receiver=$!
sleep 0.5
socat -u -b1000 FILE:"$WORK/numbers.txt" UDP:127.0.0.1:9201
sleep 0.5
kill "$receiver"
overflow=$(( $(rcvbuf_errors) - overflow_before ))
if cmp -s "$WORK/numbers.txt" "$WORK/udp.txt"; then
    verdict=identical
elif [ "$overflow" -gt 0 ]; then
    verdict="DIFFERENT: datagrams lost ($overflow of them to the receiver's full buffer, not to iptables)"
else
    verdict="DIFFERENT: datagrams lost"
fi
echo "UDP (socat to socat):      $(wc -c < "$WORK/udp.txt") bytes, $verdict"

# 3. Reliability built on UDP (task 4): the program does what TCP's kernel code did in 1.
java -cp "$CP" socketlabs.lab03.ReliableReceiver 9202 > "$WORK/reliable.txt" 2> /dev/null &
receiver=$!
sleep 1
start=$(date +%s%N)
java -cp "$CP" socketlabs.lab03.StopAndWaitSender 127.0.0.1 9202 < "$WORK/numbers.txt" 2> /dev/null
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
wait "$receiver"
echo "UDP + stop-and-wait:       $(wc -c < "$WORK/reliable.txt") bytes in $elapsed ms, $(cmp -s "$WORK/numbers.txt" "$WORK/reliable.txt" && echo identical || echo DIFFERENT)"

echo "packets dropped by iptables:"
iptables -L INPUT -v -n | awk 'NR > 2 { print "  " $1 " packets, " ($4 == 6 ? "tcp" : "udp") }'
