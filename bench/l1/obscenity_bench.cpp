// How long finding obscene language takes per kilobyte of what a customer
// wrote: Russian and English ticket text, clean (every word read, none
// found: the common case) and with obscene words in it.
#include <benchmark/benchmark.h>

#include <string>

#include "service/l1/obscenity.hpp"

namespace {

// About `bytes` of text made of `sentence` repeated.
std::string Text(std::string_view sentence, std::size_t bytes) {
  std::string text;
  while (text.size() < bytes) text += sentence;
  return text;
}

void Run(benchmark::State& state, const std::string& text) {
  std::size_t found = 0;
  for (auto _ : state) {
    auto words = hd::service::l1::FindObscene(text);
    found += words.size();
    benchmark::DoNotOptimize(words);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["found"] = static_cast<double>(found) / static_cast<double>(state.iterations());
}

void BM_CleanRussian(benchmark::State& state) {
  Run(state, Text("Здравствуйте! После обновления не приходит письмо для сброса пароля, "
                  "проверьте, пожалуйста, настройки почты и ответьте до пятницы. ",
                  1024));
}

void BM_CleanEnglish(benchmark::State& state) {
  Run(state, Text("Hello, the invoice for November is missing and the export to CSV fails "
                  "with error 502; please check the settings and reply by Friday. ",
                  1024));
}

void BM_ObsceneMixed(benchmark::State& state) {
  Run(state, Text("Какого х.у.я опять не работает, это п*здец! What the f*ck, fix it now. ", 1024));
}

}  // namespace

BENCHMARK(BM_CleanRussian);
BENCHMARK(BM_CleanEnglish);
BENCHMARK(BM_ObsceneMixed);
BENCHMARK_MAIN();
