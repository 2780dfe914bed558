# embargo: two commands on a fresh machine.
#   make run    installs missing apt packages, builds, screens a sample batch, then
#               serves the HTTP API on $(LISTEN)
#   make test   installs missing apt packages, builds, runs every test
#   make fuzz   builds the libFuzzer harnesses (clang) and runs each for
#               $(FUZZ_SECONDS) seconds, one after another
BUILD_DIR ?= build
DATA ?= ../shared/data
LISTEN ?= 127.0.0.1:8000
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 600
FUZZERS ?= lists ofac batch names snapshot http payments
APT_PACKAGES := g++ cmake ninja-build pkg-config libicu-dev libpugixml-dev nlohmann-json3-dev \
                libcli11-dev libfmt-dev libgtest-dev libgmock-dev libbenchmark-dev clang-format \
                libcpp-httplib-dev libboost-dev libssl-dev openssl wrk curl \
                libsqlite3-dev libpq-dev postgresql libtomlplusplus-dev chromium fonts-noto-cjk nodejs \
                libpng-dev \
                libzip-dev zlib1g-dev libxxhash-dev clang libfuzzer-14-dev llvm libxml2-utils libyaml-cpp-dev \
                python3-dev pybind11-dev python3-pybind11 python3-pandas python3-dask \
                python3-distributed python3-openpyxl

.PHONY: deps build test run bench load-test asan fuzz format-check clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR)

test: build
	cd $(BUILD_DIR) && $(CURDIR)/tests/with_postgres.sh ctest -j2 --output-on-failure --timeout 900

run: build
	$(BUILD_DIR)/embargo lists --lists $(DATA)
	@echo
	$(BUILD_DIR)/embargo screen --lists $(DATA) --input samples/batch.csv --output $(BUILD_DIR)/alerts.jsonl --limit 3 --print-alerts
	@echo "(full results with explanations: $(BUILD_DIR)/alerts.jsonl)"
	@echo
	$(BUILD_DIR)/embargo screen --lists $(DATA) --name "Lee Won-ho" --nationality "Korea, North"
	@echo
	@echo "Monitoring: store the lists, register samples/customers.csv, re-screen, list the alerts"
	$(BUILD_DIR)/embargo import $(DATA) --store $(BUILD_DIR)/embargo.db
	$(BUILD_DIR)/embargo customers import samples/customers.csv --store $(BUILD_DIR)/embargo.db
	$(BUILD_DIR)/embargo rescreen --store $(BUILD_DIR)/embargo.db
	$(BUILD_DIR)/embargo alerts list --limit 10 --store $(BUILD_DIR)/embargo.db
	$(BUILD_DIR)/embargo audit verify --store $(BUILD_DIR)/embargo.db
	@echo
	@echo "Payments: every party, agent, BIC, place and free-text field of ISO 20022 and SWIFT MT messages"
	$(BUILD_DIR)/embargo payments screen samples/payments $(DATA)/payments/iso20022 $(DATA)/payments/mt --store $(BUILD_DIR)/embargo.db --output $(BUILD_DIR)/payments.jsonl --print-holds
	@echo "(one JSON line per message, hits with field paths and explanations: $(BUILD_DIR)/payments.jsonl)"
	$(BUILD_DIR)/embargo payments cases list --store $(BUILD_DIR)/embargo.db
	@echo
	@echo "Cross-list coordination: one target on every list, and the DPRK gaps between the lists"
	$(BUILD_DIR)/embargo show KPi.055 --lists $(DATA)
	$(BUILD_DIR)/embargo gaps --regime DPRK --lists $(DATA) --format html --out $(BUILD_DIR)/gaps-dprk.html
	@echo "(gap report: $(BUILD_DIR)/gaps-dprk.html; --format json or csv give the same numbers)"
	@echo
	@echo "Starting the HTTP service (Ctrl-C to stop); curl examples for every endpoint are in README.md"
	$(BUILD_DIR)/embargo serve --lists $(DATA) --store $(BUILD_DIR)/embargo.db --listen $(LISTEN)

bench: build
	$(BUILD_DIR)/embargo_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

load-test: build
	bench/load_test.sh 60 32
	RELOADS=20 CORRUPT=1 bench/load_test.sh 60 32

# -O1, as the sanitizers' authors advise: the tests run in two thirds of
# -O0's time (855 s against 1,163 s for the two shards here), for a little
# more compile time; g++ 12 then warns of maybe-uninitialised std::function
# members inside <regex> (a false positive under -fsanitize), hence
# -Wno-maybe-uninitialized. Line tables only (-g1): enough for ASan's stack
# traces, at two thirds of -g's compile time. Only the test binary is built.
asan: deps
	cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DEMBARGO_SANITIZE=ON \
	  "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1 -Wno-maybe-uninitialized"
	cmake --build build-asan --target embargo_tests
	# Two shards, each one process: the reference lists are loaded and indexed
	# once per process, not once per test (under ASan each load takes ~100 s).
	# The accuracy bars (ReferenceListsTest: minutes of screening) and the
	# cross-links over the reference lists (EntityHandlerTest, XrefReferenceTest,
	# GapsCommandTest: ~16 min each under ASan; the allies' DPRK report in
	# Chromium; `show` on the UN and OFAC lists) run in `make test` only; the
	# xref code is covered under ASan by its tests on small lists.
	# UBSan stops at its first report (it only prints by default): undefined
	# behaviour fails the shard.
	cd build-asan && UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  timeout 3000 $(CURDIR)/tests/with_postgres.sh $(CURDIR)/tests/run_shards.sh 2 \
	  ./embargo_tests \
	  --gtest_filter='-ReferenceListsTest.*:EntityHandlerTest.*:XrefReferenceTest.*:GapsCommandTest.*:ChromiumTest.RendersTheAllies*:ShowReferenceTest.*'

# The harnesses in fuzz/ (README "Fuzzing"): clang with libFuzzer, ASan and
# UBSan; seed corpora sliced from $(DATA) into $(FUZZ_DIR)/corpus.
fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_DIR) -G Ninja -DEMBARGO_FUZZ=ON \
	  -DEMBARGO_SHARED_DATA=$(abspath $(DATA))
	cmake --build $(FUZZ_DIR) --target all fuzz_corpus
	fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS) $(FUZZERS)

format-check: deps
	clang-format --dry-run -Werror $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD_DIR) build-asan $(FUZZ_DIR)
