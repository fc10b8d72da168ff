# Everything a developer or CI needs: `make run`, `make test` (see README).
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3
STAMP := $(VENV)/.installed
# What Qt needs from the system on a fresh Debian 12 (README 开发 lists them): X11/xcb, OpenGL/EGL,
# fontconfig, D-Bus, GLib and a Chinese font. `make run` and `make test` install the missing ones
# when run as root, otherwise print the apt-get line; when all are there they say nothing.
RUN_PACKAGES := libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \
  libxcb-shape0 libxcb-xinerama0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 \
  'fonts-noto-cjk|fonts-wqy-microhei|fonts-wqy-zenhei'

.PHONY: run test forms bench clean package icons licenses system-packages

system-packages:
	@tools/system-packages $(RUN_PACKAGES)
run test: system-packages

# setuptools' one remaining note while installing (an editable install maps resources/ in with an
# import hook, which is what we want) is not a problem to report
$(STAMP): export PYTHONWARNINGS = ignore:Editable installation
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "需要 Python 3.11 或更新版本"; exit 1; }
	@$(PYTHON) -m venv --help >/dev/null 2>&1 && $(PYTHON) -c 'import ensurepip' 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then apt-get update -qq && apt-get install -y -qq python3-venv; \
	  else echo "请先安装 python3-venv：sudo apt-get install python3-venv"; exit 1; fi; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test,package,server]"
	@touch $@

run: $(STAMP)
	$(VENV)/bin/dangjian-desktop

test: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m pytest -q

# The bundle in dist/dangjian-desktop/, dist/dangjian-desktop_<version>_<arch>.deb and the one for older
# systems built in a Debian 11 root, dist/dangjian-desktop_<version>~deb11_<arch>.deb (all cached; the
# first run builds Python 3.11 for Debian 11, ~1 h). Then both are installed, self-tested and purged in
# fresh Debian roots. Needs root and debootstrap; never changes this machine's own packages.
package: $(STAMP)
	$(PY) packaging/build.py
	DANGJIAN_PACKAGE_TESTS=1 $(PY) -m pytest -q -p no:cacheprovider tests/packaging

icons: $(STAMP)
	$(PY) tools/make_icons.py

licenses: $(STAMP)
	$(PY) tools/collect_licenses.py

forms: $(STAMP)
	$(PY) tools/build_forms.py

bench: $(STAMP)
	$(PY) -m bench

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
