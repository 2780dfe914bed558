// libFuzzer harness: payment messages as a bank's filter receives them. The
// bytes go through ParsePayments (ISO 20022 XML or SWIFT MT FIN blocks, told
// by the first byte: the readers' own detection), and every message read is
// screened against a small list (EMBARGO_FUZZ_LIST) and the shipped embargo
// table: names, BICs, places, IMO numbers and free text. Errors are values;
// a crash, a sanitizer report or a hang is a finding.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "embargo/lists.h"
#include "payments/payment_screener.h"
#include "payments/read_payments.h"

namespace embargo::fuzz {
namespace {

const payments::PaymentScreener& PaymentScreener() {
  static const payments::PaymentScreener* screener = [] {
    auto lists = LoadLists({EMBARGO_FUZZ_LIST});
    if (!lists.ok()) __builtin_trap();
    return new payments::PaymentScreener(Screener::Build(std::move(lists).value()),
                                         payments::DefaultEmbargoes());
  }();
  return *screener;
}

}  // namespace
}  // namespace embargo::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace embargo;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const payments::PaymentScreener& screener = fuzz::PaymentScreener();
  for (const payments::ParsedMessage& parsed : payments::ParsePayments(bytes, "fuzz")) {
    if (!parsed.message) continue;
    payments::Screening screening = screener.Screen(*parsed.message, {});
    if (screening.decision != "pass" && screening.decision != "hold") __builtin_trap();
  }
  return 0;
}
