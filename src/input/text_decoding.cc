#include "input/text_decoding.h"

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace embargo::input {
namespace {

// ucsdet confidence (0..100) below which a guess is not worth showing.
constexpr int32_t kMinGuessConfidence = 30;

bool StartsWith(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

// The encoding a byte-order mark announces, and the mark's length.
std::pair<std::string_view, size_t> ByteOrderMark(std::string_view bytes) {
  if (StartsWith(bytes, "\xEF\xBB\xBF")) return {"UTF-8", 3};
  if (StartsWith(bytes, "\xFF\xFE")) return {"UTF-16LE", 2};
  if (StartsWith(bytes, "\xFE\xFF")) return {"UTF-16BE", 2};
  return {"", 0};
}

std::string HexBytes(const char* bytes, int8_t length) {
  std::string out;
  for (int8_t i = 0; i < length; ++i) {
    out += fmt::format("{}0x{:02X}", i ? " " : "", static_cast<unsigned char>(bytes[i]));
  }
  return out;
}

Result<std::string> Convert(std::string_view bytes, const std::string& encoding,
                            const std::string& file) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(ucnv_open(encoding.c_str(), &status),
                                                               &ucnv_close);
  if (U_FAILURE(status)) {
    return MakeError(
        fmt::format("unknown encoding '{}' (give an ICU converter name: CP949, EUC-KR, Shift_JIS, "
                    "ISO-8859-1, UTF-16LE, UTF-16BE...)",
                    encoding));
  }
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  // No supported encoding gives more UTF-16 units than it has bytes.
  std::vector<UChar> units(bytes.size() + 1);
  UChar* target = units.data();
  const char* source = bytes.data();
  ucnv_toUnicode(converter.get(), &target, units.data() + units.size(), &source,
                 bytes.data() + bytes.size(), nullptr, /*flush=*/true, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    return MakeError(file, 0, fmt::format("cannot decode the input as {}", encoding));
  }
  if (U_FAILURE(status)) {
    char bad[32];
    int8_t bad_length = sizeof(bad);
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(converter.get(), bad, &bad_length, &ignored);
    int line = 1 + static_cast<int>(std::count(units.data(), target, u'\n'));
    return MakeError(
        file, line,
        fmt::format("{} {} not valid {} (is the encoding right?)", HexBytes(bad, bad_length),
                    bad_length == 1 ? "is" : "are", encoding));
  }
  const UChar* begin = units.data();
  if (target > begin && *begin == 0xFEFF) ++begin;  // the mark itself
  std::string out;
  icu::UnicodeString(begin, static_cast<int32_t>(target - begin)).toUTF8String(out);
  return out;
}

}  // namespace

Result<std::string> DecodeToUtf8(std::string_view bytes, std::string_view encoding,
                                 const std::string& file) {
  auto [marked, mark_length] = ByteOrderMark(bytes);
  if (encoding.empty()) {
    if (marked == "UTF-8") return std::string(bytes.substr(mark_length));
    if (marked.empty()) return std::string(bytes);
    return Convert(bytes.substr(mark_length), std::string(marked), file);
  }
  return Convert(bytes, std::string(encoding), file);
}

std::string GuessEncoding(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status),
                                                                      &ucsdet_close);
  ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return "";
  if (ucsdet_getConfidence(match, &status) < kMinGuessConfidence) return "";
  const char* name = ucsdet_getName(match, &status);
  return U_SUCCESS(status) && name != nullptr ? name : "";
}

}  // namespace embargo::input
