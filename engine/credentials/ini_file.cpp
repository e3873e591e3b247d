#include "credentials/ini_file.hpp"

namespace quiltup::credentials {
namespace {

std::string_view trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// Drops an inline comment: "#" or ";" preceded by whitespace (secret keys never hold spaces,
// so a value can't be cut short by this).
std::string_view strip_inline_comment(std::string_view s) {
  for (std::size_t i = 1; i < s.size(); ++i)
    if ((s[i] == '#' || s[i] == ';') && (s[i - 1] == ' ' || s[i - 1] == '\t')) return trim(s.substr(0, i));
  return s;
}

error syntax(const std::string& origin, std::size_t line, std::string what) {
  return make_error("InvalidConfigFile", origin + " line " + std::to_string(line) + ": " + what, origin,
                    "fix the line or remove it; the format is '[section]' headers followed by 'key = value' lines");
}

}  // namespace

const std::string* ini_section::get(const std::string& key) const {
  auto it = values.find(key);
  return it == values.end() ? nullptr : &it->second;
}

const std::string* ini_section::get_nested(const std::string& block, const std::string& key) const {
  auto b = nested.find(block);
  if (b == nested.end()) return nullptr;
  auto it = b->second.find(key);
  return it == b->second.end() ? nullptr : &it->second;
}

const ini_section* ini_file::find(const std::string& name) const {
  auto it = sections.find(name);
  return it == sections.end() ? nullptr : &it->second;
}

result<ini_file> parse_ini(std::string_view text, const std::string& origin) {
  ini_file file;
  ini_section* section = nullptr;
  std::string last_key;          // the key an indented line may continue or nest under
  bool last_key_nests = false;   // its value was empty: indented k = v lines are a nested block
  std::size_t line_no = 0;

  while (!text.empty()) {
    const auto nl = text.find('\n');
    std::string_view raw = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++line_no;

    const std::string_view line = trim(raw);
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    const bool indented = raw[0] == ' ' || raw[0] == '\t';

    if (indented && section && !last_key.empty()) {
      const std::string_view content = strip_inline_comment(line);
      const auto eq = content.find('=');
      if (last_key_nests && eq != std::string_view::npos) {
        const std::string key(trim(content.substr(0, eq)));
        if (key.empty()) return syntax(origin, line_no, "a nested setting needs a name before '='");
        section->nested[last_key][key] = std::string(trim(content.substr(eq + 1)));
        continue;
      }
      if (!last_key_nests) {
        section->values[last_key] += "\n" + std::string(content);
        continue;
      }
      return syntax(origin, line_no, "expected 'key = value' inside the '" + last_key + " =' block");
    }

    if (line.front() == '[') {
      if (line.back() != ']') return syntax(origin, line_no, "a section header must end with ']'");
      const std::string name(trim(line.substr(1, line.size() - 2)));
      if (name.empty()) return syntax(origin, line_no, "the section name is empty");
      section = &file.sections[name];
      last_key.clear();
      continue;
    }

    const auto eq = line.find('=');
    if (eq == std::string_view::npos) return syntax(origin, line_no, "expected 'key = value' or '[section]'");
    if (!section) return syntax(origin, line_no, "a setting appears before any '[section]' header");
    std::string key(trim(line.substr(0, eq)));
    if (key.empty()) return syntax(origin, line_no, "the setting has no name before '='");
    const std::string_view value = strip_inline_comment(trim(line.substr(eq + 1)));
    last_key_nests = value.empty();
    section->values[key] = std::string(value);
    last_key = std::move(key);
  }
  return file;
}

}  // namespace quiltup::credentials
