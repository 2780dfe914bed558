// UTF-8 text in another encoding (CP949, UTF-16LE, ...), through ICU: the
// bytes a file saved that way holds, for the input-decoding tests.
#pragma once

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <string>

namespace embargo::testing {

inline std::string Encoded(const std::string& utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 4, '\0');
  int32_t n = ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                           utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << encoding << ": " << u_errorName(status);
  out.resize(U_SUCCESS(status) ? static_cast<size_t>(n) : 0);
  return out;
}

}  // namespace embargo::testing
