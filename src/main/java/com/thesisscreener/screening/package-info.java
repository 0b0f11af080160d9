/** The screening engine: the company fact model, rule evaluation and scored recommendations with their findings. */
package com.thesisscreener.screening;
