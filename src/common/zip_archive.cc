#include "common/zip_archive.h"

#include <fmt/format.h>
#include <zip.h>

namespace embargo {

void ZipArchive::Discard::operator()(zip* archive) const { zip_discard(archive); }

Result<ZipArchive> ZipArchive::Open(std::string_view bytes, const std::string& file,
                                    std::string_view what, uint64_t max_part_bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive =
      source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
  if (archive == nullptr) {
    if (source) zip_source_free(source);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return MakeError(file, 0, fmt::format("not a readable {} (zip) archive: {}", what, why));
  }
  zip_error_fini(&error);
  return ZipArchive(std::unique_ptr<zip, Discard>(archive), file, max_part_bytes);
}

std::vector<std::string> ZipArchive::Names() const {
  std::vector<std::string> names;
  zip_int64_t count = zip_get_num_entries(zip_.get(), 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = zip_get_name(zip_.get(), static_cast<zip_uint64_t>(i), 0);
    if (name != nullptr) names.emplace_back(name);
  }
  return names;
}

bool ZipArchive::Has(const std::string& part) const {
  return zip_name_locate(zip_.get(), part.c_str(), 0) >= 0;
}

Result<std::string> ZipArchive::Read(const std::string& part) const {
  zip_int64_t index = zip_name_locate(zip_.get(), part.c_str(), 0);
  if (index < 0) return MakeError(file_, 0, part + ": part missing from the archive");
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(zip_.get(), index, 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
    return Fail(part, "cannot read the part's size");
  if (stat.size > max_part_bytes_)
    return Fail(part, fmt::format("part is {} bytes unzipped, over the limit", stat.size));
  zip_file_t* entry = zip_fopen_index(zip_.get(), index, 0);
  if (entry == nullptr) return Fail(part, zip_strerror(zip_.get()));
  std::string out(stat.size, '\0');
  zip_int64_t got = zip_fread(entry, out.data(), stat.size);
  std::string why = got < 0 ? zip_file_strerror(entry) : "";
  zip_fclose(entry);
  if (got < 0) return Fail(part, why);
  if (static_cast<zip_uint64_t>(got) != stat.size) return Fail(part, "part is truncated");
  return out;
}

Error ZipArchive::Fail(const std::string& part, std::string why) const {
  return MakeError(file_, 0, part + ": corrupt part: " + why);
}

}  // namespace embargo
