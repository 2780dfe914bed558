#include "common/zip_archive.h"

#include <fmt/format.h>
#include <zip.h>

namespace embargo {

Result<std::string> ZipParts(const std::map<std::string, std::string>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (source == nullptr) {
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return MakeError("cannot make a zip archive: " + why);
  }
  zip_error_fini(&error);
  zip_source_keep(source);  // it holds the archive's bytes after zip_close
  auto fail = [&](std::string why) -> Result<std::string> {
    zip_source_free(source);
    return MakeError("cannot make a zip archive: " + why);
  };
  zip_t* archive = zip_open_from_source(source, ZIP_TRUNCATE, nullptr);
  if (archive == nullptr) return fail("cannot open it for writing");
  for (const auto& [name, content] : parts) {
    zip_source_t* file = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (file == nullptr || zip_file_add(archive, name.c_str(), file, ZIP_FL_OVERWRITE) < 0) {
      if (file != nullptr) zip_source_free(file);
      std::string why = zip_strerror(archive);
      zip_discard(archive);
      return fail(name + ": " + why);
    }
  }
  if (zip_close(archive) != 0) {
    std::string why = zip_strerror(archive);
    zip_discard(archive);
    return fail(why);
  }
  if (zip_source_open(source) != 0) return fail("cannot read it back");
  zip_source_seek(source, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(source);
  zip_source_seek(source, 0, SEEK_SET);
  std::string out(size > 0 ? static_cast<size_t>(size) : 0, '\0');
  const zip_int64_t got = size > 0 ? zip_source_read(source, out.data(), out.size()) : 0;
  zip_source_close(source);
  zip_source_free(source);
  if (got != size) return MakeError("cannot make a zip archive: short read");
  return out;
}

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
