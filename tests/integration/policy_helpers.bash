# Shared by policy.bats and audit.bats: the `strata` binary, policy files, audit logs.

# The strata CLI: $STRATA, else the release build, else the debug build.
resolve_strata() {
  if [[ -z "${STRATA:-}" ]]; then
    STRATA=$REPO_ROOT/.build/release/strata
    [[ -x "$STRATA" ]] || STRATA=$REPO_ROOT/.build/debug/strata
  fi
  export STRATA
}

strata() {
  [[ -x "$STRATA" ]] || fail "strata not built: swift build -c release -Xswiftc -static-executable --product strata"
  "$STRATA" "$@"
}

# write_policy FILE RULES-JSON [EXTRA-JQ]: a policy with these rules whose audit log is
# $AUDIT_LOG (this test's own).
write_policy() {
  local file=$1 rules=$2 extra=${3:-.}
  jq -n --argjson rules "$rules" --arg log "$AUDIT_LOG" \
    '{strataPolicy: 1, defaultEffect: "deny", audit: {path: $log}, rules: $rules} | '"$extra" >"$file"
}

# audit_records [JQ-ARGS...] JQ-FILTER: the audit log's records as one array, filtered.
audit_records() {
  jq -sc "$@" "$AUDIT_LOG"
}

policy_setup() {
  resolve_strata
  AUDIT_LOG=$TEST_DIR/audit/audit.jsonl
  POLICY=$TEST_DIR/policy.json
}

# helpers.bash's setup and setup_file under other names, so that a suite can add to them.
eval "$(declare -f setup | sed '1s/^setup/base_setup/')"
eval "$(declare -f setup_file | sed '1s/^setup_file/base_setup_file/')"
