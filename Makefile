# Strata: build, demo, tests, benchmarks. `make help` lists the targets.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build

SWIFT ?= swift
STRUN ?= $(CURDIR)/.build/release/strun
STRATA ?= $(CURDIR)/.build/release/strata
BATS ?= bats
BATS_FLAGS ?= --timing
OUT ?= $(CURDIR)/out
# The static release build (strun's code pages are touched at every start: static is
# faster to start, and the binary runs in any rootfs or guest without libraries).
RELEASE_FLAGS ?= -c release -Xswiftc -static-executable

.PHONY: help build release release-strun release-strata demo setup unit integration \
  integration-v2 clients test setup-test test-runc setup-bench bench bench-metrics fuzz images-test engine-test clean

help:
	@echo "demo           build the static strun only and run one isolated busybox container (first stop)"
	@echo "test           every stage of TEST_STAGES, then one summary table; non-zero if any failed"
	@echo "               (TEST_STAGES='unit integration' make test runs some; stages: $(TEST_STAGES))"
	@echo "build          debug build of both binaries"
	@echo "release        static release builds: .build/release/strun and .build/release/strata"
	@echo "release-strun  the static release strun alone"
	@echo "unit           swift test"
	@echo "integration    bats tests/integration against $(STRUN) ($(INTEGRATION_JOBS) files at a time)"
	@echo "integration-v2 the cgroup suite in a cgroup-v2-only guest (scripts/vm/v2-guest.sh)"
	@echo "clients        containerd, Docker and Podman driving $(STRUN): tests/clients"
	@echo "test-runc      the integration suite against runc (checks the tests)"
	@echo "images-test    tests/images: strata pull/images/rmi/... against local docker-registry instances"
	@echo "engine-test    bats tests/engine: strata run/ps/logs/exec/stop/rm, monitor, sandbox (strun, then runc)"
	@echo "bench          release + scripts/bench.sh (strun vs runc vs crun)"
	@echo "bench-metrics  release + scripts/bench-metrics.sh (scrape time of 100 containers)"
	@echo "fuzz           libFuzzer on the config reader and validator for FUZZ_SECONDS (default 300); not in CI"
	@echo "setup          scripts/setup.sh $(SETUP_GROUPS) (groups: scripts/setup.sh --list)"

# --- builds ----------------------------------------------------------------------

build:
	$(SWIFT) build

release: release-strun release-strata

release-strun:
	$(SWIFT) build $(RELEASE_FLAGS) --product strun
	@test -x $(STRUN)

release-strata:
	$(SWIFT) build $(RELEASE_FLAGS) --product strata
	@test -x $(STRATA)

# --- setup: which package groups each entry point needs -------------------------
# `make setup SETUP_GROUPS="core test"`; a track that needs a new group adds it to the
# list of the targets that need it (TEST_SETUP_GROUPS for `make test`).
SETUP_GROUPS ?= core
TEST_SETUP_GROUPS ?= core test clients vm images

setup:
	scripts/setup.sh $(SETUP_GROUPS)

# --- demo: the first thing a new user runs ---------------------------------------
# Installs only the core group, builds only the static strun, runs one container.
demo:
	@echo "==> 1/3 installing what the demo needs: scripts/setup.sh core"
	@scripts/setup.sh core
	@echo "==> 2/3 building the static release strun (a first build takes minutes on 2 cores)"
	@start=$$SECONDS; $(SWIFT) build $(RELEASE_FLAGS) --product strun 2>&1 | scripts/build-filter.sh; \
	  echo "    built $(STRUN) in $$((SECONDS - start)) s"
	@echo "==> 3/3 running a busybox container with strun"
	@STRUN=$(STRUN) OUT=$(OUT) scripts/demo.sh

# --- test stages ----------------------------------------------------------------
# `make test` runs every stage in TEST_STAGES in order, also after one fails, then prints
# one table (pass/fail/skip counts per stage) and a last line `N passed, N failed, N skipped`;
# it exits non-zero when anything failed. Logs: $(OUT)/test/STAGE.log.
#
# Adding a stage: define a target for it anywhere (this file or an included one) and add
# its name to TEST_STAGES. A name in TEST_STAGES with no target yet is reported as skipped,
# so a track's hook can be listed before its target lands (images-test, engine-test).
# Counts come from the stage's output: bats TAP lines (ok / not ok / # skip) and Swift
# Testing's per-test lines; a stage that fails with no failing test counts as one failure.
TEST_STAGES ?= setup-test unit release integration clients integration-v2 images-test engine-test

test:
	@OUT=$(OUT) scripts/test-stages.sh "$(MAKE) --no-print-directory $(addprefix -f ,$(MAKEFILE_LIST))" $(TEST_STAGES)

setup-test:
	scripts/setup.sh $(TEST_SETUP_GROUPS)

unit:
	$(SWIFT) test

define need_strun
	@test -x $(STRUN) || { echo "$(STRUN) is not built: run 'make release-strun'" >&2; exit 1; }
endef

# Integration files run INTEGRATION_JOBS at a time (bats --jobs, GNU parallel; each test
# has its own --root, bundle and ids). The files in INTEGRATION_SERIAL measure CPU time,
# memory pressure or floods, which a neighbour would disturb: they run alone, after.
INTEGRATION_JOBS ?= $(shell nproc)
INTEGRATION_SERIAL ?= audit.bats cgroups.bats metrics.bats stats.bats
INTEGRATION_ALL := $(sort $(notdir $(wildcard tests/integration/*.bats)))
INTEGRATION_PARALLEL := $(filter-out $(INTEGRATION_SERIAL),$(INTEGRATION_ALL))

integration:
	$(need_strun)
	@status=0; \
	RUNTIME=$(STRUN) $(BATS) $(BATS_FLAGS) --jobs $(INTEGRATION_JOBS) --no-parallelize-within-files \
	  $(addprefix tests/integration/,$(INTEGRATION_PARALLEL)) || status=1; \
	RUNTIME=$(STRUN) $(BATS) $(BATS_FLAGS) $(addprefix tests/integration/,$(filter $(INTEGRATION_SERIAL),$(INTEGRATION_ALL))) || status=1; \
	exit $$status

# The guest boots Debian's kernel with cgroup_no_v1=all over the host's / (read-only 9p);
# V2_SUITES picks the bats files it runs.
V2_SUITES ?= tests/integration/cgroups.bats tests/integration/rootless.bats tests/integration/stats.bats
integration-v2:
	$(need_strun)
	RUNTIME=$(STRUN) scripts/vm/v2-guest.sh -- $(BATS) $(BATS_FLAGS) $(V2_SUITES)

clients:
	$(need_strun)
	RUNTIME=$(STRUN) $(BATS) $(BATS_FLAGS) tests/clients

# The engine suite drives .build/release/strata with strun, then with runc (the tests
# themselves checked against another runtime).
STRATA_BIN ?= $(CURDIR)/.build/release/strata
engine-test:
	@test -x $(STRATA_BIN) || { echo "$(STRATA_BIN) is not built: run 'make release'" >&2; exit 1; }
	STRATA=$(STRATA_BIN) RUNTIME=$(STRUN) $(BATS) $(BATS_FLAGS) tests/engine
	STRATA=$(STRATA_BIN) STRATA_TEST_RUNTIME=runc $(BATS) $(BATS_FLAGS) tests/engine

test-runc: setup-test
	STRATA_TEST_RUNTIME=runc $(BATS) $(BATS_FLAGS) tests/integration tests/clients

# --- benchmarks (not tests) -----------------------------------------------------

# setup-bench first: a fresh machine needs the core group before it can build.
setup-bench:
	scripts/setup.sh core bench

bench: setup-bench release
	STRUN=$(STRUN) OUT=$(OUT) scripts/bench.sh

bench-metrics: setup-bench release
	STRUN=$(STRUN) STRATA=$(STRATA) OUT=$(OUT) scripts/bench-metrics.sh

# A time-boxed search, not a test: one job (the machine is shared), seeds in fuzz/corpus/spec.
FUZZ_SECONDS ?= 300
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/run.sh

clean:
	rm -rf $(OUT)

# The image suite: its own registries on loopback ports, images made here.
images-test:
	@test -x $(STRATA_BIN) || { echo "$(STRATA_BIN) is not built: run 'make release'" >&2; exit 1; }
	STRATA=$(STRATA_BIN) $(BATS) $(BATS_FLAGS) tests/images
