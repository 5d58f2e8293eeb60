-- Test probe for a README snippet, loaded with `-c luafile` after the snippet ran as init.lua,
-- so the snippet alone decides how ecsdef-lsp starts and attaches. For each case in
-- $ECSDEF_NVIM_CASES ({ file, fixed } pairs, the first one already open): waits for a client to
-- attach and for diagnostics, replaces the text with the fixed one (Neovim sends didChange),
-- waits for the diagnostics to go, saves. Writes what it saw to $ECSDEF_NVIM_OUT as JSON;
-- the assertions are in the mocha test. Runs on Neovim 0.7 and later.
local cases = vim.fn.json_decode(os.getenv('ECSDEF_NVIM_CASES'))
local out = os.getenv('ECSDEF_NVIM_OUT')

local function client_names(buf)
  local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = buf }) or vim.lsp.buf_get_clients(buf)
  local names = {}
  for _, client in pairs(clients) do table.insert(names, client.name) end
  table.sort(names)
  return names
end

local function collect(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, { code = d.code, lnum = d.lnum, col = d.col, source = d.source, message = d.message })
  end
  return list
end

local function check(case, first)
  if not first then vim.cmd('edit ' .. vim.fn.fnameescape(case.file)) end
  local buf = vim.api.nvim_get_current_buf()
  local seen = { file = case.file, filetype = vim.bo[buf].filetype }
  seen.attached_ok = vim.wait(15000, function() return #client_names(buf) > 0 end, 50)
  seen.clients = client_names(buf)
  seen.broken_ok = seen.attached_ok and vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  vim.wait(300, function() return false end, 50) -- let a possible second publish land
  seen.broken = collect(buf)
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, vim.fn.readfile(case.fixed))
  seen.fixed_ok = seen.broken_ok and vim.wait(30000, function() return #vim.diagnostic.get(buf) == 0 end, 50)
  seen.fixed = collect(buf)
  vim.cmd('silent write')
  return seen
end

local function run()
  local v = vim.version()
  local result = { version = v.major .. '.' .. v.minor .. '.' .. v.patch, cases = {} }
  local ok, err = pcall(function()
    for i, case in ipairs(cases) do
      local seen = check(case, i == 1)
      table.insert(result.cases, seen)
      if not seen.fixed_ok then break end
    end
  end)
  if not ok then result.error = tostring(err) end
  result.messages = vim.fn.execute('messages')
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
  vim.cmd('qa!')
end

vim.api.nvim_create_autocmd('VimEnter', { callback = function() vim.schedule(run) end })
