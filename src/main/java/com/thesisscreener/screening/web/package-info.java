/** REST scoring calls: one company or a batch in, recommendations with their findings out. */
package com.thesisscreener.screening.web;
