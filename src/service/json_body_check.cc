#include "service/json_body_check.h"

#include <fmt/format.h>

#include <string>

namespace embargo::service {
namespace {

// Counts values and depth; returning false stops the parser at once.
class ShapeCounter : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit ShapeCounter(const Limits& limits) : limits_(limits) {}

  enum class Breach { kNone, kDepth, kNodes };
  Breach breach() const { return breach_; }

  bool null() override { return Value(); }
  bool boolean(bool) override { return Value(); }
  bool number_integer(number_integer_t) override { return Value(); }
  bool number_unsigned(number_unsigned_t) override { return Value(); }
  bool number_float(number_float_t, const string_t&) override { return Value(); }
  bool string(string_t&) override { return Value(); }
  bool binary(binary_t&) override { return Value(); }
  bool start_object(std::size_t) override { return Open(); }
  bool key(string_t&) override { return true; }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t) override { return Open(); }
  bool end_array() override { return Close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;  // not JSON: the handler's parse reports it
  }

 private:
  bool Value() {
    if (++nodes_ <= limits_.max_json_nodes) return true;
    breach_ = Breach::kNodes;
    return false;
  }
  bool Open() {
    if (++depth_ > limits_.max_json_depth) {
      breach_ = Breach::kDepth;
      return false;
    }
    return Value();
  }
  bool Close() {
    --depth_;
    return true;
  }

  const Limits& limits_;
  size_t depth_ = 0;
  size_t nodes_ = 0;
  Breach breach_ = Breach::kNone;
};

}  // namespace

std::optional<Response> CheckJsonBody(std::string_view body, const Limits& limits) {
  ShapeCounter counter(limits);
  nlohmann::json::sax_parse(body.begin(), body.end(), &counter);
  switch (counter.breach()) {
    case ShapeCounter::Breach::kDepth:
      return ErrorResponse(
          400, fmt::format("request body nests deeper than {} levels", limits.max_json_depth));
    case ShapeCounter::Breach::kNodes:
      return ErrorResponse(
          413, fmt::format("request body holds more than {} JSON values", limits.max_json_nodes));
    case ShapeCounter::Breach::kNone: break;
  }
  return std::nullopt;
}

}  // namespace embargo::service
