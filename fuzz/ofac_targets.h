// What the first byte of a fuzz_ofac input selects (modulo the count), and
// the file names of the two OFAC bundles, in the order their parts come, so
// that fuzz/make_corpus.cc seeds each target. Immutable constants.
#pragma once

#include <cstddef>
#include <string_view>

namespace embargo::fuzz {

enum class OfacTarget : unsigned char {
  kRemarks,             // ApplyOfacRemarks on the rest
  kSdnBundle,           // sdn.csv, alt.csv, add.csv, sdn_comments.csv
  kConsolidatedBundle,  // cons_prim.csv, cons_alt.csv, cons_add.csv, cons_comments.csv
};
inline constexpr size_t kOfacTargetCount = 3;

struct OfacBundleNames {
  std::string_view files[4];  // main, aliases, addresses, remarks overflow
};
inline constexpr OfacBundleNames kSdnBundle = {
    {"sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"}};
inline constexpr OfacBundleNames kConsolidatedBundle = {
    {"cons_prim.csv", "cons_alt.csv", "cons_add.csv", "cons_comments.csv"}};

}  // namespace embargo::fuzz
