// Little-endian, length-prefixed binary fields for the index snapshot
// (snapshot.cc, index_snapshot.cc). BinaryWriter appends to a string, or,
// given a sink, hands the bytes on in blocks as they are written (a
// snapshot goes to its file without being held whole in memory);
// BinaryReader reads from a byte range and never reads past it: the first
// field that does not fit (a length or count past the end, a value out of
// its range) fails the reader, which then returns zeros and remembers
// where and why, so a caller checks ok() once after reading a record.
//
// Arrays of fixed-size numbers can be used where they lie: both sides know
// the byte range's offset in its file (`base`), Align pads to a multiple of
// an alignment counted from the file's start, and Array returns a view of
// the bytes when the reader was given an owner that keeps them alive
// (`backing`, a mapped file) and they are aligned in memory, else a copy.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "embargo/entity.h"

namespace embargo::match {

class BinaryWriter {
 public:
  // Takes the bytes written so far, in order; false when they could not be
  // taken (the writer then drops the rest: the caller checks ok()).
  using Sink = std::function<bool(std::string_view)>;
  // `base`: where the bytes written will start in their file.
  explicit BinaryWriter(size_t base = 0, Sink sink = nullptr)
      : base_(base), sink_(std::move(sink)) {}
  void U32(uint32_t v) { Raw(&v, sizeof v); }
  void U64(uint64_t v) { Raw(&v, sizeof v); }
  void I32(int32_t v) { Raw(&v, sizeof v); }
  void U32s(const std::vector<uint32_t>& v) {
    U32(static_cast<uint32_t>(v.size()));
    Raw(v.data(), v.size() * sizeof(uint32_t));
  }
  void Str(std::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    Raw(s.data(), s.size());
  }
  void Strs(const std::vector<std::string>& v) {
    U32(static_cast<uint32_t>(v.size()));
    for (const auto& s : v) Str(s);
  }
  void Date(const PartialDate& d) {
    I32(d.year);
    I32(d.month);
    I32(d.day);
  }
  // Zero bytes up to the next multiple of `alignment` from the file's start.
  void Align(size_t alignment) {
    while ((base_ + size()) % alignment != 0) out_.push_back('\0');
  }
  // The numbers as they lie in memory, without a count.
  template <typename T>
  void Array(std::span<const T> v) {
    Raw(v.data(), v.size_bytes());
  }
  // Every byte written, sink or not.
  size_t size() const { return handed_ + out_.size(); }
  // The bytes not yet handed to the sink (without one: all of them).
  std::string& data() { return out_; }
  // Hands the buffered bytes to the sink now.
  void Flush() {
    if (!sink_ || out_.empty()) return;
    if (ok_) ok_ = sink_(out_);
    handed_ += out_.size();
    out_.clear();
  }
  // False once the sink refused bytes.
  bool ok() const { return ok_; }

 private:
  static constexpr size_t kBlockBytes = size_t{1} << 20;
  void Raw(const void* p, size_t n) {
    if (n == 0) return;               // p may be null when n is 0
    if (sink_ && n >= kBlockBytes) {  // a large array: handed on where it lies
      Flush();
      if (ok_) ok_ = sink_(std::string_view(static_cast<const char*>(p), n));
      handed_ += n;
      return;
    }
    out_.append(static_cast<const char*>(p), n);
    if (sink_ && out_.size() >= kBlockBytes) Flush();
  }
  size_t base_;
  Sink sink_;
  size_t handed_ = 0;
  bool ok_ = true;
  std::string out_;
};

class BinaryReader {
 public:
  explicit BinaryReader(std::string_view data) : data_(data) {}
  // `base`: where `data` starts in its file. `backing`: keeps `data` alive;
  // given, Array returns views into it.
  BinaryReader(std::string_view data, size_t base, std::shared_ptr<const void> backing)
      : data_(data), base_(base), backing_(std::move(backing)) {}
  bool ok() const { return ok_; }
  const std::shared_ptr<const void>& backing() const { return backing_; }
  size_t remaining() const { return data_.size() - pos_; }
  // Where the first malformed field starts, and what is wrong with it.
  size_t failed_at() const { return failed_at_; }
  const std::string& why() const { return why_; }
  uint32_t U32() { return Fixed<uint32_t>(); }
  uint64_t U64() { return Fixed<uint64_t>(); }
  int32_t I32() { return Fixed<int32_t>(); }
  // A u32 below `bound` (an index into something of that size).
  uint32_t Below(uint32_t bound, std::string_view what) {
    size_t at = pos_;
    uint32_t v = U32();
    if (ok_ && v >= bound) {
      pos_ = at;
      return Fail<uint32_t>(fmt::format("{} {} out of range (fewer than {})", what, v, bound));
    }
    return v;
  }
  std::vector<uint32_t> U32s() {
    uint32_t n = U32();
    std::vector<uint32_t> v;
    if (!ok_ || n > (data_.size() - pos_) / sizeof(uint32_t)) return Fail<std::vector<uint32_t>>();
    v.resize(n);
    if (n != 0) std::memcpy(v.data(), data_.data() + pos_, n * sizeof(uint32_t));
    pos_ += n * sizeof(uint32_t);
    return v;
  }
  // Skips the padding BinaryWriter::Align wrote (zero bytes).
  void Align(size_t alignment) {
    while (ok_ && (base_ + pos_) % alignment != 0) {
      if (pos_ == data_.size()) return Invalid("padding runs past the end");
      if (data_[pos_] != '\0') return Invalid("padding that is not zero");
      ++pos_;
    }
  }
  // `n` numbers: a view of them where they lie when the reader has a
  // backing and they are aligned for T, else a copy in `storage`. Empty
  // (and the reader failed) when they run past the end.
  template <typename T>
  std::span<const T> Array(size_t n, std::vector<T>& storage) {
    if (!ok_ || n > (data_.size() - pos_) / sizeof(T)) return Fail<std::span<const T>>();
    const char* at = data_.data() + pos_;
    pos_ += n * sizeof(T);
    if (backing_ != nullptr && reinterpret_cast<uintptr_t>(at) % alignof(T) == 0)
      return {reinterpret_cast<const T*>(at), n};
    storage.resize(n);
    if (n != 0) std::memcpy(storage.data(), at, n * sizeof(T));
    return storage;
  }
  // Fails the reader at the current place (a value that fits but makes no sense).
  void Invalid(std::string why) { Fail<int>(std::move(why)); }
  std::string Str() {
    uint32_t n = U32();
    if (!ok_ || n > data_.size() - pos_) return Fail<std::string>();
    std::string s(data_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  // Str and Strs without the copies: a record checked now, read later.
  void SkipStr() {
    uint32_t n = U32();
    if (!ok_ || n > data_.size() - pos_) {
      Fail<int>();
      return;
    }
    pos_ += n;
  }
  void SkipStrs() {
    for (uint32_t i = 0, n = Count(); i < n && ok_; ++i) SkipStr();
  }
  size_t position() const { return pos_; }
  // The bytes read since `from` (a position()).
  std::string_view BytesSince(size_t from) const { return data_.substr(from, pos_ - from); }
  std::vector<std::string> Strs() {
    uint32_t n = Count();
    std::vector<std::string> v;
    v.reserve(std::min<uint32_t>(n, kReserveAtMost));
    for (uint32_t i = 0; i < n && ok_; ++i) v.push_back(Str());
    return v;
  }
  // What a reader reserves at most for `Count()` elements of more than 4
  // bytes in memory: a crafted count costs no more than this.
  static constexpr uint32_t kReserveAtMost = 16;
  // A element count, bounded by the bytes left (each element takes >= 4).
  uint32_t Count() {
    uint32_t n = U32();
    if (n > (data_.size() - pos_) / 4 + 1) return Fail<uint32_t>();
    return n;
  }
  // A date in the ranges the list parsers give (years have four digits at
  // most): evidence scoring does arithmetic on years, so one near INT_MAX
  // would overflow it.
  PartialDate Date() {
    size_t at = pos_;
    PartialDate d;
    d.year = I32();
    d.month = I32();
    d.day = I32();
    bool valid =
        d.year >= 0 && d.year <= 9999 && d.month >= 0 && d.month <= 12 && d.day >= 0 && d.day <= 31;
    if (ok_ && !valid) {
      pos_ = at;
      return Fail<PartialDate>(
          fmt::format("date {}-{}-{} out of range (years 0..9999, months 0..12, days 0..31)",
                      d.year, d.month, d.day));
    }
    return d;
  }

 private:
  template <typename T>
  T Fail(std::string why = "a length or count runs past the end") {
    if (ok_) {
      failed_at_ = pos_;
      why_ = std::move(why);
    }
    ok_ = false;
    pos_ = data_.size();
    return T{};
  }
  // Fails the reader: a length or count runs past the end. Kept out of line
  // so that Fixed, read millions of times in a load, inlines.
  [[gnu::noinline, gnu::cold]] void FailPastEnd() { Fail<int>(); }
  template <typename T>
  [[gnu::always_inline]] T Fixed() {
    if (__builtin_expect(!ok_ || data_.size() - pos_ < sizeof(T), 0)) {
      FailPastEnd();
      return T{};
    }
    T v;
    std::memcpy(&v, data_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return v;
  }
  std::string_view data_;
  size_t base_ = 0;
  std::shared_ptr<const void> backing_;
  size_t pos_ = 0;
  bool ok_ = true;
  size_t failed_at_ = 0;
  std::string why_;
};

}  // namespace embargo::match
