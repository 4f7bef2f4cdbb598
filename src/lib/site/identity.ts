/**
 * What the site calls itself: one name for the page titles, the header, og:site_name and the feed.
 */

export const SITE_NAME = '政府信息公开年报档案';
