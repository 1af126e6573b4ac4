# Thin index of the common tasks; the scripts do the work.
.PHONY: run demo test build release format format-check tidy bench clean

run demo:
	./scripts/demo

test:
	./scripts/test

build:
	cmake --preset dev && cmake --build --preset dev

release:
	cmake --preset release && cmake --build --preset release

format:
	./scripts/format

format-check:
	./scripts/format --check

tidy:
	cmake --preset dev && run-clang-tidy -p build/dev src

bench:
	./bench/run

clean:
	rm -rf build
