// Keeps the Buddhist Era hint under each admin date picker in step with its value
// (coordination/widgets.py renders the hint, its first text and its settings).
(() => {
  const PARTS = {
    "%Y": "(\\d{4})",
    "%m": "(\\d{1,2})",
    "%d": "(\\d{1,2})",
    "%H": "(\\d{1,2})",
    "%M": "(\\d{1,2})",
  };

  // The date and time fields of `value` written in `format` (a strftime pattern), or null.
  function parse(value, format) {
    const order = [];
    const pattern = format
      .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      .replace(/%[YmdHM]/g, (token) => {
        order.push(token);
        return PARTS[token];
      });
    const match = new RegExp(`^${pattern}$`).exec(value.trim());
    if (!match) return null;
    const parts = {};
    order.forEach((token, index) => {
      parts[token] = Number(match[index + 1]);
    });
    const date = new Date(parts["%Y"], parts["%m"] - 1, parts["%d"]);
    // No 31 February: the same rule as the server's strptime.
    if (date.getMonth() !== parts["%m"] - 1 || date.getDate() !== parts["%d"]) return null;
    if (parts["%H"] > 23 || parts["%M"] > 59) return null;
    return parts;
  }

  function hintText(value, config) {
    const parts = parse(value, config.format);
    if (!parts) return "";
    const month = config.months[parts["%m"] - 1];
    let text = `${config.prefix} ${parts["%d"]} ${month} ${config.era} ${parts["%Y"] + config.offset}`;
    if (config.time && "%H" in parts) {
      const pad = (number) => String(number).padStart(2, "0");
      text += ` ${config.time.replace("{time}", `${pad(parts["%H"])}:${pad(parts["%M"] || 0)}`)}`;
    }
    return text;
  }

  function update(input) {
    if (!input || !input.id) return;
    const hint = document.querySelector(`[data-buddhist-era-for="${CSS.escape(input.id)}"]`);
    if (!hint) return;
    hint.textContent = hintText(input.value || "", JSON.parse(hint.dataset.buddhistEraConfig));
  }

  document.addEventListener("input", (event) => update(event.target));
  document.addEventListener("change", (event) => update(event.target));
})();
