// Prints {"<file>": <its HCL as JSON>, ...} for the .tf files named on the command line, parsed by
// HashiCorp's HCL library (@cdktf/hcl2json). A syntax error exits 1 with the parser's message.
const { parse } = require('@cdktf/hcl2json');
const fs = require('fs');

async function main(files) {
  const result = {};
  for (const file of files) {
    try {
      result[file] = await parse(file, fs.readFileSync(file, 'utf8'));
    } catch (error) {
      process.stderr.write(`${file}: ${error.message}\n`);
      process.exit(1);
    }
  }
  process.stdout.write(JSON.stringify(result));
}

main(process.argv.slice(2));
