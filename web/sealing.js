// The sealer (src/app/sealer): the second WebAssembly program, with all the cryptography,
// fetched only when the app asks (as a result shows, or the reply screen opens). Its calls are
// synchronous once it is there: the app's sealing.cpp calls `call` and reads the answer.
// Quick exit zeroes its memory too.
'use strict';

(() => {
  let module = null;   // the sealer's Emscripten module, once loaded
  let loading = null;  // Promise while it loads

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`${src} could not be loaded`));
      document.head.append(script);
    });
  }

  // Loads it once; `done(ok)` is called when it is ready or could not be loaded.
  function load(done) {
    if (!loading) {
      loading = loadScript('sealer.js')
        .then(() => createSealer({ locateFile: (path) => path }))
        .then((m) => { module = m; });
      loading.catch(() => { loading = null; });  // a later ask tries again
    }
    loading.then(() => done(true), () => done(false));
  }

  // `text` in the sealer's memory for the length of fn(pointer), zeroed after: a request may
  // hold the person's own words.
  function inHeap(text, fn) {
    const size = module.lengthBytesUTF8(text) + 1;
    const ptr = module._malloc(size);
    module.stringToUTF8(text, ptr, size);
    try { return fn(ptr); } finally {
      module.HEAPU8.fill(0, ptr, ptr + size);
      module._free(ptr);
    }
  }

  // One operation of src/app/sealer/sealer.cpp: JSON text in, JSON text out.
  function call(op, request) {
    if (!module) return '{"status":"not_loaded"}';
    return inHeap(op, (o) => inHeap(request, (r) => module.UTF8ToString(module._sealer_call(o, r))));
  }

  // A copy of the sealed and proven envelope, for the upload (empty until it is proven).
  function envelope() {
    if (!module) return new Uint8Array(0);
    const size = module._sealer_envelope_size();
    const ptr = module._sealer_envelope();
    return module.HEAPU8.slice(ptr, ptr + size);
  }

  function wipe() {
    if (module) module.HEAPU8.fill(0);
  }

  // Its memory, once loaded (the quick exit's test counts what is left in it).
  const heap = () => (module ? module.HEAPU8 : null);

  window.signaalSealer = { load, call, envelope, wipe, heap };
})();
