// Swipe's browser app: no framework, no build step. Lists load 12 cards at a time while the user
// scrolls; detail pages are rendered from the JSON API. #app gets data-state="ready" when done.
(function () {
  'use strict';
  var app = document.getElementById('app');
  var hostile = new URLSearchParams(location.search).get('hostile');
  var PAGE = 12;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.append(c); });
    return node;
  }

  function list() {
    var offset = 0;
    var loading = false;
    var done = false;
    var grid = el('div', { class: 'grid' });
    var sentinel = el('div', { id: 'sentinel' });
    app.replaceChildren(el('h1', {}, ['Discover']), grid, sentinel);

    function nearBottom() {
      return sentinel.getBoundingClientRect().top < window.innerHeight + 200;
    }

    function more() {
      if (loading || done) return;
      loading = true;
      var url = '/swipe/api/ads?offset=' + offset + '&limit=' + PAGE + (hostile === 'endless' ? '&hostile=endless' : '');
      fetch(url).then(function (r) { return r.json(); }).then(function (page) {
        page.ads.forEach(function (ad) {
          grid.append(el('a', { class: 'card', href: ad.url }, [
            el('img', { src: ad.image, alt: '' }),
            el('div', { class: 'card-info' }, [el('strong', {}, [ad.alias + ', ' + ad.age]), el('span', {}, [ad.city]), el('span', {}, [ad.title])]),
          ]));
        });
        offset += page.ads.length;
        done = page.ads.length === 0;
        loading = false;
        app.setAttribute('data-state', done ? 'ready' : 'more');
        // A tall window may still show the sentinel; the observer would not fire again.
        if (!done && nearBottom()) more();
      }).catch(function () {
        loading = false;
        app.setAttribute('data-state', 'error');
      });
    }

    new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) more();
    }, { rootMargin: '200px' }).observe(sentinel);
    more();
  }

  function detail(id) {
    fetch('/swipe/api/ads/' + encodeURIComponent(id)).then(function (r) {
      if (!r.ok) throw new Error('not found');
      return r.json();
    }).then(function (ad) {
      var text = el('section', { 'data-field': 'text' });
      ad.paragraphs.forEach(function (p, i) {
        if (i > 0) text.append('\n');
        text.append(el('p', {}, [p]));
      });
      var facts = [el('li', {}, ['Phone: ', el('span', { 'data-field': 'phone' }, [ad.phone])])];
      if (ad.email) facts.push(el('li', {}, ['Email: ', el('span', { 'data-field': 'email' }, [ad.email])]));
      facts.push(el('li', {}, ['Languages: ', el('span', { 'data-field': 'languages' }, [ad.languages])]));
      if (ad.licence) facts.push(el('li', {}, ['Licence: ', el('span', { 'data-field': 'licence' }, [ad.licence])]));
      facts.push(el('li', {}, ['Posted: ', el('time', { 'data-field': 'posted', datetime: ad.posted }, [new Date(ad.posted + 'T12:00:00Z').toDateString()])]));
      app.replaceChildren(el('article', { class: 'profile' }, [
        el('h1', { 'data-field': 'title' }, [ad.title]),
        el('p', { class: 'sub' }, [el('span', { 'data-field': 'alias' }, [ad.alias]), ', ', el('span', { 'data-field': 'age' }, [String(ad.age)]), ' · ', el('span', { 'data-field': 'city' }, [ad.city])]),
        el('div', { class: 'photos' }, ad.images.map(function (src) { return el('img', { 'data-field': 'image', src: src, alt: '' }); })),
        text,
        el('ul', { class: 'facts' }, facts),
        el('h2', {}, ['Services']),
        el('div', { 'data-field': 'services' }, ad.services.map(function (s) { return el('span', { class: 'chip' }, [s]); })),
        el('h2', {}, ['Rates']),
        el('div', { class: 'rates' }, ad.prices.map(function (p) { return el('span', { 'data-field': 'price' }, ['€' + p.amount + ' / ' + p.label]); })),
        el('p', { class: 'muted' }, ['Profile ref. ' + ad.ref]),
      ]));
      app.setAttribute('data-state', 'ready');
    }).catch(function () {
      app.replaceChildren(el('h1', {}, ['This profile is no longer available']));
      app.setAttribute('data-state', 'error');
    });
  }

  var match = /^\/swipe\/ad\/([\w-]+)$/.exec(location.pathname);
  if (match) detail(match[1]);
  else list();
})();
