#include "fuzz/xlsx_parts.h"

#include <zip.h>

#include <memory>

namespace embargo::fuzz {
namespace {

struct SourceFree {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};
using SourcePtr = std::unique_ptr<zip_source_t, SourceFree>;

// Everything a zip source holds, read from its start.
std::string ReadSource(zip_source_t* source) {
  if (zip_source_open(source) != 0) return "";
  std::string out;
  char chunk[1 << 14];
  for (zip_int64_t got; (got = zip_source_read(source, chunk, sizeof chunk)) > 0;) {
    out.append(chunk, static_cast<size_t>(got));
  }
  zip_source_close(source);
  return out;
}

}  // namespace

std::string ZipXlsxParts(const std::vector<std::string_view>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  SourcePtr buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  zip_error_fini(&error);
  if (!buffer) return "";
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, nullptr);
  if (archive == nullptr) return "";
  zip_source_keep(buffer.get());  // the archive's close must not free it
  for (size_t i = 0; i < parts.size() && i < kXlsxPartCount; ++i) {
    if (parts[i].empty()) continue;
    zip_source_t* part = zip_source_buffer(archive, parts[i].data(), parts[i].size(), 0);
    zip_int64_t index =
        part ? zip_file_add(archive, kXlsxPartNames[i].data(), part, ZIP_FL_OVERWRITE) : -1;
    if (index < 0) {
      if (part) zip_source_free(part);
      zip_discard(archive);
      return "";
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    return "";
  }
  return ReadSource(buffer.get());
}

std::vector<std::string> UnzipXlsxParts(std::string_view xlsx) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(xlsx.data(), xlsx.size(), 0, &error);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  zip_error_fini(&error);
  if (archive == nullptr) {
    if (source) zip_source_free(source);
    return {};
  }
  std::vector<std::string> parts;
  for (std::string_view name : kXlsxPartNames) {
    std::string& part = parts.emplace_back();
    zip_file_t* file = zip_fopen(archive, name.data(), 0);
    if (file == nullptr) continue;
    char chunk[1 << 14];
    for (zip_int64_t got; (got = zip_fread(file, chunk, sizeof chunk)) > 0;) {
      part.append(chunk, static_cast<size_t>(got));
    }
    zip_fclose(file);
  }
  zip_discard(archive);
  return parts;
}

}  // namespace embargo::fuzz
