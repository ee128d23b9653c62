#!/usr/bin/env bats
# Bridge networking through the CNI plugins: -p, container to container, none/host, and a
# teardown that leaves no veth, iptables rule or IPAM lease, after kill -9 too. Each test
# has its own conflist, bridge name, subnet and IPAM directory (never docker0 or strata0).

load helpers

net_setup() {
  [ "$(id -u)" -eq 0 ] || skip "bridge networking needs root"
  [ -x /usr/lib/cni/bridge ] || skip "containernetworking-plugins missing"
  export STRATA_NETWORK_CONFIG_DIR=$TEST_DIR/net.d
  BR=stt$$${BATS_TEST_NUMBER}
  BR=${BR:0:15}
  NET3=10.$((150 + BATS_TEST_NUMBER)).$(($$ % 250))
  mkdir -p "$STRATA_NETWORK_CONFIG_DIR" "$TEST_DIR/ipam"
  cat >"$STRATA_NETWORK_CONFIG_DIR/test.conflist" <<JSON
{"cniVersion": "1.0.0", "name": "net$BR",
 "plugins": [
  {"type": "bridge", "bridge": "$BR", "isGateway": true, "ipMasq": true, "hairpinMode": true,
   "ipam": {"type": "host-local", "dataDir": "$TEST_DIR/ipam", "routes": [{"dst": "0.0.0.0/0"}],
            "ranges": [[{"subnet": "$NET3.0/24", "gateway": "$NET3.1"}]]}},
  {"type": "portmap", "capabilities": {"portMappings": true}},
  {"type": "firewall"}
 ]}
JSON
  mkdir -p "$R/www"
  echo "hello from strata" >"$R/www/index.html"
  PORT=$((20000 + RANDOM % 20000))
}

net_teardown_check() {
  # No veth on our bridge, no lease, no rule naming our subnet.
  [ -z "$(ip -o link show master "$BR" 2>/dev/null)" ] || { ip -o link show master "$BR"; return 1; }
  [ -z "$(find "$TEST_DIR/ipam" -name "$NET3.*" 2>/dev/null)" ] || { find "$TEST_DIR/ipam"; return 1; }
  ! iptables-save | grep -F "$NET3." || return 1
  ! ls /run/netns 2>/dev/null | grep -q "^strata-" || [ -z "$(ls /run/netns | grep '^strata-' | while read -r n; do grep -l "$n" "$STRATA_ROOT"/containers/*/config.json 2>/dev/null; done)" ]
}

teardown() {
  local id
  for id in $("$STRATA" ps -aq --no-trunc 2>/dev/null); do "$STRATA" rm -f "$id" >/dev/null 2>&1 || true; done
  for pid in $(monitor_pids); do kill -9 "$pid" 2>/dev/null || true; done
  [ -n "${BR:-}" ] && ip link del "$BR" 2>/dev/null || true
  [ -n "${LISTENER:-}" ] && kill "$LISTENER" 2>/dev/null || true
  rm -rf "$TEST_DIR"
}

@test "-p publishes: curl from the host reaches busybox httpd; rm leaves nothing" {
  net_setup
  strata run -d --name web --network bridge -p "$PORT:80" --rootfs "$R" httpd -f -p 80 -h /www
  ip=$(field web .NetworkSettings.IPAddress)
  [[ "$ip" == "$NET3".* ]]
  for i in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/" && break; sleep 0.1; done
  run curl -sf "http://127.0.0.1:$PORT/"
  [ "$output" = "hello from strata" ]
  run curl -sf "http://$ip/"
  [ "$output" = "hello from strata" ]
  run strata port web
  [ "$output" = "80/tcp -> 0.0.0.0:$PORT" ]
  strata rm -f web
  net_teardown_check
}

@test "containers on the bridge reach each other by IP" {
  net_setup
  strata run -d --name srv --network bridge --rootfs "$R" httpd -f -p 80 -h /www
  ip=$(field srv .NetworkSettings.IPAddress)
  run strata run --rm --network bridge --rootfs "$R" sh -c "for i in 1 2 3 4 5 6 7 8 9 10; do wget -qO- http://$ip/ && exit 0; sleep 0.2; done; exit 1"
  [ "$status" -eq 0 ]
  [ "$output" = "hello from strata" ]
  strata rm -f srv
  net_teardown_check
}

@test "a host port already bound is refused, nothing made" {
  net_setup
  busybox nc -l -p "$PORT" >/dev/null 2>&1 &
  LISTENER=$!
  sleep 0.2
  run strata run -d --network bridge -p "$PORT:80" --rootfs "$R" httpd -f -p 80 -h /www
  [ "$status" -ne 0 ]
  assert_one_line
  [[ "$output" == *"$PORT"*"already in use"* ]]
  run strata ps -aq
  [ -z "$output" ]
  assert_nothing_left
  net_teardown_check
}

@test "kill -9 of the monitor, then rm -f: no veth, rule or lease left" {
  net_setup
  strata run -d --name k9 --network bridge -p "$PORT:80" --rootfs "$R" httpd -f -p 80 -h /www
  kill -9 "$(field k9 .State.MonitorPid)"
  strata rm -f k9
  net_teardown_check
  assert_nothing_left
}

@test "--network none has only loopback; host shares the host's interfaces" {
  run strata run --rm --network none --rootfs "$R" cat /proc/net/dev
  [ "$(echo "$output" | grep -cE '^ *[a-z0-9@.-]+:')" -eq 1 ]
  [[ "$output" == *" lo:"* ]]
  run strata run --rm --network host --rootfs "$R" cat /proc/net/dev
  [ "$(echo "$output" | grep -cE '^ *[a-z0-9@.-]+:')" -eq "$(grep -cE '^ *[a-z0-9@.-]+:' /proc/net/dev)" ]
}
