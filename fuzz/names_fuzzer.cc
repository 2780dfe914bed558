// libFuzzer harness: what happens to a name and a query's loose fields
// before screening. The first byte picks the schema (kNameSchemas) and the
// date order; the rest is lines: name, second name, schema, birth date,
// country, gender, id number, IMO number. Each name that is UTF-8 goes
// through transliteration, Hangul romanisation and the name analyzer, and
// the two names' tokens are compared pairwise (text/similarity.h); all the
// fields go through MakeQuery (src/input), which takes any bytes.
#include <cstddef>
#include <cstdint>

#include "common/utf8.h"
#include "embargo/screener.h"
#include "fuzz/fuzz_input.h"
#include "text/name_analyzer.h"
#include "text/similarity.h"
#include "text/transliterate.h"

namespace embargo::fuzz {
namespace {

constexpr Schema kNameSchemas[] = {Schema::kPerson, Schema::kOrganization, Schema::kVessel,
                                   Schema::kLegalEntity, Schema::kAirplane};
constexpr size_t kComparedTokens = 8;  // per name: keeps one input's work bounded

std::optional<text::AnalyzedName> Analyze(std::string_view name, Schema schema) {
  if (!IsValidUtf8(name)) return std::nullopt;  // the callers check: MakeQuery, the parsers
  text::ToLatinAscii(name);
  text::RomanizeHangul(name);
  return text::AnalyzeName(name, schema);
}

void Compare(const text::AnalyzedName& a, const text::AnalyzedName& b) {
  for (size_t i = 0; i < a.tokens.size() && i < kComparedTokens; ++i) {
    for (size_t j = 0; j < b.tokens.size() && j < kComparedTokens; ++j) {
      text::CompareTokens(a.tokens[i], b.tokens[j]);
    }
  }
}

QueryFields Fields(const std::vector<std::string_view>& lines, DateOrder order) {
  auto line = [&](size_t i) { return i < lines.size() ? std::string(lines[i]) : std::string(); };
  QueryFields fields;
  fields.names = {line(0), line(1)};
  fields.schema = line(2);
  fields.birth_dates = {line(3)};
  fields.countries = {line(4)};
  fields.gender = line(5);
  fields.id_numbers = {line(6)};
  fields.imo_numbers = {line(7)};
  fields.date_order = order;
  return fields;
}

}  // namespace
}  // namespace embargo::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace embargo::fuzz;
  Selected selected = Select(Bytes(data, size), 256);
  embargo::Schema schema = kNameSchemas[selected.choice % std::size(kNameSchemas)];
  auto order = static_cast<embargo::DateOrder>(selected.choice / std::size(kNameSchemas) % 4);
  std::vector<std::string_view> lines = SplitParts(selected.rest, 8, "\n");
  auto first = Analyze(lines[0], schema);
  auto second = lines.size() > 1 ? Analyze(lines[1], schema) : std::nullopt;
  if (first && second) Compare(*first, *second);
  auto query = embargo::MakeQuery(Fields(lines, order));
  return 0;
}
