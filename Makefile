# cloudspec developer entry points. On a fresh machine only python3 (>= 3.11) and make are
# needed: every target that runs code depends on `setup`, which creates both virtualenvs.
#
#   .venv        dev tools + editable cloudspec   (stamp: .venv/.stamp-dev, rebuilt when
#                                                   pyproject.toml changes)
#   .venv-kinto  the real Kinto server, isolated   (stamp: .venv-kinto/.stamp-kinto-<versions>)
#                with the kinto-attachment plugin
#
# A second `make test` finds both stamps fresh and does no pip work.

# Resolved now, before PATH gains .venv/bin: the venvs are made from the system python3.
ifndef PYTHON
PYTHON := $(shell command -v python3)
endif
KINTO_VERSION := 26.5.0
# The newest kinto-attachment that installs beside kinto 26.5.0. It imports pkg_resources,
# which setuptools 82 removed: without the pin, a venv made by a python whose venvs bring no
# setuptools (3.12+) gets the newest one, and Kinto could not start with the plugin.
KINTO_ATTACHMENT_VERSION := 8.0.0

VENV := .venv
BIN := $(VENV)/bin
KINTO_VENV := .venv-kinto
DEV_STAMP := $(VENV)/.stamp-dev
# Names every pinned version, so changing one re-runs the install in an existing venv.
KINTO_STAMP := $(KINTO_VENV)/.stamp-kinto-$(KINTO_VERSION)-attachment-$(KINTO_ATTACHMENT_VERSION)

# The venv's tools come first, so generator post-hooks (ruff) and scripts find them.
export PATH := $(CURDIR)/$(BIN):$(PATH)
# cloudspec.emulators starts this Kinto (tests, demo, bench, record).
export CLOUDSPEC_KINTO := $(CURDIR)/$(KINTO_VENV)/bin/kinto
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# Hand-written Python only (generated/ is checked by `make check-generated`). Directories
# without Python files are skipped: mypy fails on them.
has_python = $(if $(shell find $(1) -name '*.py' -not -path '*/__pycache__/*' -print -quit 2>/dev/null),$(1))
CODE_DIRS := $(foreach d,generator overlays emulators tests bench examples,$(call has_python,$(d)))

.PHONY: setup system-packages generate check-generated lint typecheck test record demo bench bench-box bench-metadisk chaos ci clean

setup: $(DEV_STAMP) $(KINTO_STAMP) system-packages

# Debian packages the tests run for real: redis-server (RedisTokenStore's lock and tokens).
# Installed only when missing, with apt as root or through sudo.
SYSTEM_COMMANDS := redis-server
system-packages:
	@missing=""; for c in $(SYSTEM_COMMANDS); do command -v $$c >/dev/null || missing="$$missing $$c"; done; \
	if [ -n "$$missing" ]; then \
		sudo=""; [ "$$(id -u)" = 0 ] || sudo="sudo"; \
		echo "installing Debian packages:$$missing"; \
		$$sudo apt-get update -q >/dev/null && $$sudo apt-get install -y -q $$missing >/dev/null \
			|| { echo "could not install$$missing: install it with apt and re-run"; exit 1; }; \
	fi

$(DEV_STAMP): pyproject.toml
	@"$(PYTHON)" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
		|| { echo "cloudspec needs python3 >= 3.11 on PATH (found: '$(PYTHON)')"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

$(KINTO_STAMP):
	@test -x $(KINTO_VENV)/bin/python || $(PYTHON) -m venv $(KINTO_VENV)
	$(KINTO_VENV)/bin/python -m pip install --quiet 'kinto==$(KINTO_VERSION)' \
		'kinto-attachment==$(KINTO_ATTACHMENT_VERSION)' 'setuptools<82'
	@rm -f $(KINTO_VENV)/.stamp-kinto-*
	@touch $@

generate: setup
	$(BIN)/python -m generator
	$(BIN)/python -m generator.unasync

check-generated: setup
	$(BIN)/python -m generator --check
	$(BIN)/python -m generator.unasync --check

lint: setup
	$(BIN)/ruff check $(CODE_DIRS)
	$(BIN)/ruff format --check $(CODE_DIRS)
	$(BIN)/lint-imports

typecheck: setup
	$(BIN)/mypy $(CODE_DIRS)

test: setup
	$(BIN)/python -m pytest -q

# The full reliability harness (every fault scenario, every example), then RELIABILITY.md from
# the figures it leaves in build/reliability/. `make test` runs a seeded sample of the same.
# Figures left by earlier runs (a CI sample) are cleared first, so the report shows this run
# only; it is written even when a test fails (to show what failed), and make still fails.
chaos: setup
	rm -rf build/reliability
	CLOUDSPEC_CHAOS=full $(BIN)/python -m pytest -q tests/reliability; status=$$?; \
		$(BIN)/python tests/reliability/report.py && exit $$status

# Re-record the replay cassettes against live servers (Kinto via CLOUDSPEC_KINTO).
record: setup
	$(BIN)/python -m pytest -q tests/replay --record-mode=rewrite

# Each tour starts its own server (Kinto, the Box, ButtFS, Metadisk and SmartFile emulators) through cloudspec.emulators.run;
# dask_tour.py reads smartfile:// URLs on the SmartFile emulator with Dask's process scheduler.
demo: setup generate
	$(BIN)/python examples/kinto_tour.py
	$(BIN)/python examples/box_tour.py
	$(BIN)/python examples/buttfs_tour.py
	$(BIN)/python examples/metadisk_tour.py
	$(BIN)/python examples/smartfile_tour.py
	$(BIN)/python examples/dask_tour.py

# Each writes its own part of bench/RESULTS.md (kinto.py the top, box.py its "## Box" section,
# metadisk.py its "## Metadisk" section).
bench: setup
	$(BIN)/python bench/kinto.py
	$(BIN)/python bench/box.py
	$(BIN)/python bench/metadisk.py

bench-box: setup
	$(BIN)/python bench/box.py

bench-metadisk: setup
	$(BIN)/python bench/metadisk.py

ci: check-generated lint typecheck test

# Tool caches only; the virtualenvs stay (remove .venv* by hand to start from scratch).
clean:
	rm -rf .mypy_cache .pytest_cache .ruff_cache .import_linter_cache .hypothesis
	find . -name __pycache__ -type d -not -path './.venv*' -prune -exec rm -rf {} +
