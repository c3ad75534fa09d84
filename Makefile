# concord — the two commands a newcomer needs are `make demo` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PREFIX_FLAG := $(if $(wildcard .deps/usr/include/boost/version.hpp),-DCMAKE_PREFIX_PATH=$(CURDIR)/.deps/usr,)
RELEASE := build/release
CONCORD := $(RELEASE)/src/app/concord
LISTEN ?= 127.0.0.1:8080

.PHONY: help setup build web demo test bench clean

help:
	@echo "make demo   install what is missing, build, create var/demo.db and serve http://$(LISTEN)"
	@echo "make test   build and run every test (unit, SQLite + PostgreSQL, API, browser, fuzz)"
	@echo "make build  release build of the server and the web app"
	@echo "make bench  HTTP and reconciliation benchmarks"
	@echo "make clean  remove build output"

setup:
	@scripts/setup

build: setup
	@cmake -G Ninja -S . -B $(RELEASE) -DCMAKE_BUILD_TYPE=Release $(PREFIX_FLAG) >/dev/null
	@ninja -C $(RELEASE) concord
	@$(MAKE) --no-print-directory web

web:
	@cd web && npm run --silent build >/dev/null

demo: build
	@mkdir -p var
	@$(CONCORD) demo --db var/demo.db --reset
	@echo "Open http://$(LISTEN) and log in with one of the accounts above. Ctrl-C stops the server."
	@$(CONCORD) serve --db var/demo.db --listen $(LISTEN) --web web/dist

test: setup
	@scripts/test

bench: build
	@ninja -C $(RELEASE) concord-reconcile gen_recon recon_bench wfm_bench >/dev/null
	@bench/http.sh $(CONCORD)
	@CONCORD_BUILD=$(RELEASE) bench/recon_vs_duckdb.sh 1000000
	@$(RELEASE)/bench/recon_bench --benchmark_counters_tabular=true
	@$(RELEASE)/src/wfm/bench/wfm_bench

clean:
	rm -rf build web/dist
