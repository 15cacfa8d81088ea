export const prerender = true;
// Static hosts such as S3 serve `dir/index.html` only for URLs that end in a slash.
export const trailingSlash = 'always';
