// The example service: answers on / and on the health-check path.
const http = require('node:http');

const port = Number(process.env.PORT || 8080);

http
  .createServer((req, res) => {
    if (req.url === '/health') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('hello from myapp');
  })
  .listen(port, () => console.log(`listening on ${port}`));
