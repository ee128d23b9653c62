# Strata: build, demo, tests, benchmarks. `make help` lists the targets.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build

SWIFT ?= swift
STRUN ?= $(CURDIR)/.build/release/strun
BATS ?= bats
BATS_FLAGS ?= --timing
OUT ?= $(CURDIR)/out

.PHONY: help build release demo setup unit integration integration-v2 clients engine-test test test-runc bench bench-metrics clean

help:
	@echo "build        debug build"
	@echo "release      static release builds: .build/release/strun and .build/release/strata"
	@echo "demo         setup + release + run a busybox container with strun"
	@echo "unit         swift test"
	@echo "integration  bats tests/integration against $(STRUN)"
	@echo "integration-v2  the cgroup suite in a cgroup-v2-only KVM/TCG guest (scripts/vm/v2-guest.sh)"
	@echo "engine-test  bats tests/engine: strata run/ps/logs/exec/stop/rm, monitor, sandbox (strun, then runc)"
	@echo "clients      real clients (containerd) driving $(STRUN): tests/clients"
	@echo "test         setup + unit + release + integration + clients + integration-v2"
	@echo "test-runc    the integration suite against runc (checks the tests)"
	@echo "bench        release + scripts/bench.sh (strun vs runc vs crun)"
	@echo "bench-metrics  release + scripts/bench-metrics.sh (scrape time of 100 containers)"

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release -Xswiftc -static-executable
	@test -x .build/release/strun && test -x .build/release/strata

setup:
	scripts/setup.sh

demo: setup release
	STRUN=$(STRUN) scripts/mkbundle.sh $(OUT)/demo-bundle -- sh -c \
	  'echo "hostname: $$(hostname)"; echo "pid1: $$(tr "\0" " " </proc/1/cmdline)"; echo "id: $$(id)"; echo mounts:; cat /proc/self/mountinfo'
	cd $(OUT)/demo-bundle && $(STRUN) run demo-$$RANDOM$$RANDOM </dev/null

unit:
	$(SWIFT) test

integration:
	@test -x $(STRUN) || { echo "$(STRUN) is not built: run 'make release'" >&2; exit 1; }
	RUNTIME=$(STRUN) $(BATS) $(BATS_FLAGS) tests/integration

# The guest boots Debian's kernel with cgroup_no_v1=all over the host's / (read-only 9p);
# V2_SUITES picks the bats files it runs.
V2_SUITES ?= tests/integration/cgroups.bats tests/integration/rootless.bats tests/integration/stats.bats
integration-v2:
	@test -x $(STRUN) || { echo "$(STRUN) is not built: run 'make release'" >&2; exit 1; }
	RUNTIME=$(STRUN) scripts/vm/v2-guest.sh -- $(BATS) $(BATS_FLAGS) $(V2_SUITES)

clients:
	@test -x $(STRUN) || { echo "$(STRUN) is not built: run 'make release'" >&2; exit 1; }
	RUNTIME=$(STRUN) $(BATS) $(BATS_FLAGS) tests/clients

# The engine suite drives .build/release/strata with strun, then with runc (the tests
# themselves checked against another runtime).
STRATA_BIN ?= $(CURDIR)/.build/release/strata
engine-test:
	@test -x $(STRATA_BIN) || { echo "$(STRATA_BIN) is not built: run 'make release'" >&2; exit 1; }
	STRATA=$(STRATA_BIN) RUNTIME=$(STRUN) $(BATS) $(BATS_FLAGS) tests/engine
	STRATA=$(STRATA_BIN) STRATA_TEST_RUNTIME=runc $(BATS) $(BATS_FLAGS) tests/engine

test: setup unit release integration clients integration-v2

test-runc: setup
	STRATA_TEST_RUNTIME=runc $(BATS) $(BATS_FLAGS) tests/integration tests/clients

bench: setup release
	STRUN=$(STRUN) OUT=$(OUT) scripts/bench.sh

bench-metrics: setup release
	STRUN=$(STRUN) STRATA=$(CURDIR)/.build/release/strata OUT=$(OUT) scripts/bench-metrics.sh

clean:
	rm -rf $(OUT)
