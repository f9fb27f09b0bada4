#!/usr/bin/env bash
# A real editor as the language server's client: Neovim (Debian's package, 0.7) runs headless,
# opens a copy of testdata/cloudformation/missing-integration.yaml, starts `trailwatch lsp` with its
# built-in client (vim.lsp.start_client, buf_attach_client), waits for the diagnostics and prints
# them, applies the "suppress" code action, checks the buffer, then writes a reason and waits for
# the finding to go. Installs Neovim with apt-get when it is missing; says SKIP only when it cannot.
# Exit 0 when every step held, 1 otherwise.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$root"

if ! command -v nvim >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "installing neovim with apt-get ..." >&2
    apt-get install -y neovim >&2 || { apt-get update >&2 && apt-get install -y neovim >&2; } || true
  fi
  if ! command -v nvim >/dev/null 2>&1; then
    echo "SKIP: nvim is not installed and apt-get could not install it"
    exit 0
  fi
fi
ensure_jar

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp testdata/cloudformation/missing-integration.yaml "$work/trail.yaml"
git -C "$work" init -q 2>/dev/null || mkdir -p "$work/.git" # the project's boundary, as a checkout has
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java

cat > "$work/test.lua" <<'LUA'
local work, jar, java = arg_work, arg_jar, arg_java
local function out(line) io.stdout:write(line .. "\n") end
local function fail(message)
  out("FAIL: " .. message)
  os.exit(1)
end

vim.cmd("edit " .. work .. "/trail.yaml")
local buf = vim.api.nvim_get_current_buf()
local client = vim.lsp.start_client({
  name = "trailwatch",
  cmd = { java, "-jar", jar, "lsp" },
  root_dir = work,
  on_exit = function(code) out("server exited with code " .. code) end,
})
if not client then fail("vim.lsp.start_client returned nothing") end
vim.lsp.buf_attach_client(buf, client)

local function diagnostics() return vim.diagnostic.get(buf) end
local function codes()
  local found = {}
  for _, d in ipairs(diagnostics()) do table.insert(found, d.code) end
  table.sort(found)
  return table.concat(found, ",")
end
local function wait_for(what, condition)
  if not vim.wait(60000, condition, 50) then fail("waited 60 s for " .. what .. "; diagnostics now: " .. codes()) end
end

wait_for("the first diagnostics", function() return #diagnostics() > 0 end)
for _, d in ipairs(diagnostics()) do
  out(string.format("%s:%d:%d: %s %s", "trail.yaml", d.lnum + 1, d.col + 1, d.code, d.message))
end
if codes() ~= "TW001" then fail("expected TW001 alone, got " .. codes()) end
local finding = diagnostics()[1]
if finding.lnum ~= 6 or finding.col ~= 2 then fail("TW001 expected at 7:3") end

-- The code actions at the finding, as :lua vim.lsp.buf.code_action() asks for them.
local params = {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = { line = finding.lnum, character = finding.col },
            ["end"] = { line = finding.end_lnum, character = finding.end_col } },
  -- as vim.lsp.buf.code_action() in 0.7 sends them: the line's diagnostics in the protocol's form
  context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, finding.lnum) },
}
local responses = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 30000)
local action
for _, response in pairs(responses or {}) do
  for _, a in ipairs(response.result or {}) do
    out("code action: " .. a.title)
    if a.title:match("^Suppress TW001") then action = a end
  end
end
if not action then fail("no suppress action offered") end
vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")

local line7 = vim.api.nvim_buf_get_lines(buf, 6, 7, true)[1]
out("line 7 after the action: " .. line7)
if line7 ~= "  # trailwatch:ignore TW001" then fail("the suppression comment is not on line 7") end
wait_for("TW100 asking for a reason", function() return codes() == "TW001,TW100" end)
out("without a reason: " .. codes())

vim.api.nvim_buf_set_lines(buf, 6, 7, true, { "  # trailwatch:ignore TW001 the SIEM reads the bucket directly" })
wait_for("the finding to be suppressed", function() return #diagnostics() == 0 end)
out("with a reason: no diagnostics")

vim.lsp.stop_client(client)
vim.wait(10000, function() return vim.lsp.get_client_by_id(client) == nil end, 50)
out("PASS")
os.exit(0)
LUA

status=0
nvim --headless --clean \
  -c "lua arg_work, arg_jar, arg_java = [[$work]], [[$root/target/trailwatch.jar]], [[$java_bin]]" \
  -c "luafile $work/test.lua" -c "cquit 1" </dev/null || status=$?
if [ "$status" -ne 0 ]; then
  echo "nvim-lsp-test: FAILED (exit $status)"
  exit 1
fi
